import { ConsoleLogger, type INestApplication, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { TokenService } from '@app/accounts';
import { logLevelsUpTo, type AppConfig } from '@app/config';
import { exitOnSignals, openEmbeddedDatabase } from '@app/database';
import { QueueService } from '@app/queue';
import { AppModule, type AppOptions } from './app.module';
import { registerQueueDashboard } from './web/queue-dashboard';
import { registerWebApp } from './web/web-app';

export function createLogger(config: AppConfig, context?: string): LoggerService {
  return new ConsoleLogger(context ?? 'Mentorlink', {
    json: config.LOG_FORMAT === 'json',
    colors: config.LOG_FORMAT !== 'json',
    logLevels: logLevelsUpTo(config.LOG_LEVEL),
  });
}

/** Builds the HTTP application (not yet listening); shared by main.ts and the tests. */
export async function createApiApp(
  config: AppConfig,
  options: AppOptions,
  logger: LoggerService | false = createLogger(config),
): Promise<INestApplication> {
  // Fastify: measurably less work per request than Express (see bench:api).
  // No proxy is trusted unless TRUST_PROXY names it: else any client could set X-Forwarded-For
  // and pass for another, escaping the per-client limits.
  const adapter = new FastifyAdapter({ bodyLimit: 1024 * 1024, trustProxy: config.trustProxy });
  // Embedded mode: lock DATA_DIR and open its database before anything touches the folder. A
  // signal meanwhile, before Nest's shutdown hooks listen, must still give the folder up.
  const stopExitingOnSignals = exitOnSignals();
  let app: NestFastifyApplication;
  try {
    const embedded = await openEmbeddedDatabase(config, {
      command: `API on port ${config.PORT}`,
      warn: (message) => (logger === false ? undefined : logger.warn?.(message, 'Database')),
    });
    try {
      app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options), adapter, {
        logger: logger === false ? false : logger,
        abortOnError: false,
      });
    } catch (err) {
      await embedded?.close();
      throw err;
    }
    app.enableShutdownHooks();
  } finally {
    stopExitingOnSignals();
  }
  const fastify = app.getHttpAdapter().getInstance();
  registerQueueDashboard(fastify, app.get(QueueService).dashboard(), app.get(TokenService));
  const served = registerWebApp(fastify, config.WEB_DIR);
  if (!served && logger !== false && config.NODE_ENV !== 'test') {
    logger.warn?.(`No browser app in ${config.WEB_DIR} (npm run build:web): serving the API only`, 'WebApp');
  }
  return app;
}
