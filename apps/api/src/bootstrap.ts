import { ConsoleLogger, type INestApplication, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@app/config';
import { AppModule, type AppOptions } from './app.module';

export function createLogger(config: AppConfig, context?: string): LoggerService {
  return new ConsoleLogger(context ?? 'Mentorlink', {
    json: config.LOG_FORMAT === 'json',
    colors: config.LOG_FORMAT !== 'json',
  });
}

/** Builds the HTTP application (not yet listening); shared by main.ts and the tests. */
export async function createApiApp(
  config: AppConfig,
  options: AppOptions,
  logger: LoggerService | false = createLogger(config),
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), {
    logger: logger === false ? false : logger,
    abortOnError: false,
  });
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.useBodyParser('json', { limit: '1mb' });
  app.enableShutdownHooks();
  return app;
}
