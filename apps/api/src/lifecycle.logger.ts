import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';

/** Says when a shutdown has run its course (connections closed, active jobs finished). */
@Injectable()
export class LifecycleLogger implements OnApplicationShutdown {
  private readonly logger = new Logger('Lifecycle');

  onApplicationShutdown(signal?: string): void {
    this.logger.log(`Stopped${signal ? ` after ${signal}` : ''}`);
  }
}
