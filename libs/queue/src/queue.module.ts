import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { BullMqQueueDriver } from './bullmq.driver';
import { InProcessQueueDriver } from './in-process.driver';
import { QUEUE_DRIVER, type QueueDriver } from './queue.port';
import { QueueService } from './queue.service';
import { JobOutbox } from './outbox/job-outbox';

/** The one place that decides between the in-process driver and BullMQ. */
export function createQueueDriver(config: AppConfig): QueueDriver {
  return config.REDIS_URL
    ? new BullMqQueueDriver({
        url: config.REDIS_URL,
        prefix: config.QUEUE_PREFIX,
        lockDurationMs: config.QUEUE_LOCK_DURATION_MS,
      })
    : new InProcessQueueDriver();
}

@Global()
@Module({
  providers: [
    { provide: QUEUE_DRIVER, inject: [AppConfig], useFactory: createQueueDriver },
    QueueService,
    JobOutbox,
  ],
  exports: [QueueService, JobOutbox],
})
export class QueueModule {}
