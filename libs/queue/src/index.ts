export * from './bullmq.driver';
export * from './in-process.driver';
export * from './queue.module';
export * from './queue.port';
export * from './queue.service';
export * from './queue-dashboard';
export * from './outbox/job-intent.entity';
export * from './outbox/job-outbox';
