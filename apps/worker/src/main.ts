import 'reflect-metadata';
import { setPriority } from 'node:os';
import { ConsoleLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigValidationError, loadConfig, logLevelsUpTo } from '@app/config';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  // No requests to answer here: a full run may have the whole main thread.
  const config = loadConfig({ SCORING_MAIN_THREAD_PERCENT: '100', ...process.env });
  if (config.embeddedDatabase || config.embeddedQueue) {
    throw new ConfigValidationError(
      'A separate worker needs DATABASE_URL and REDIS_URL; in embedded mode `npm start` runs the worker in the API process',
    );
  }
  const logger = new ConsoleLogger('Worker', {
    json: config.LOG_FORMAT === 'json',
    logLevels: logLevelsUpTo(config.LOG_LEVEL),
  });
  // A worker process does background work only: let request handling on the same machine go
  // first. Threads it starts inherit this.
  try {
    setPriority(config.SCORING_NICE);
  } catch {
    logger.warn('Could not lower the worker process priority');
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger });
  // SIGTERM: stop taking jobs, let active ones finish, close connections.
  app.enableShutdownHooks();
  // Said whatever LOG_LEVEL hides: operators, tests and benchmarks wait for this line.
  process.stdout.write('Worker ready (jobs from BullMQ on Redis)\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
