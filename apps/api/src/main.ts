import 'reflect-metadata';
import { ConfigValidationError, loadConfig } from '@app/config';
import { EmbeddedDatabaseError } from '@app/database';
import { createApiApp, createLogger } from './bootstrap';
import { startBanner } from './start-banner';

async function main(): Promise<void> {
  const config = loadConfig();
  const worker = !process.argv.includes('--no-worker');
  if (!worker && config.embeddedQueue) {
    throw new ConfigValidationError(
      '--no-worker needs REDIS_URL: the in-process queue runs jobs only in this process',
    );
  }
  const app = await createApiApp(config, { worker });
  // Start-up tasks (demo data, scoring, rescheduling) have run by the time listen() returns, so
  // the banner comes last, below anything they logged.
  await app.listen(config.PORT, config.HOST);
  const url = `http://localhost:${config.PORT}`;
  process.stdout.write(await startBanner(app, config, { worker, url }));
}

main().catch((err: unknown) => {
  const logger = createLogger(loadConfigSafe(), 'Bootstrap');
  if (err instanceof ConfigValidationError || err instanceof EmbeddedDatabaseError) logger.error(err.message);
  else logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});

function loadConfigSafe(): Parameters<typeof createLogger>[0] {
  try {
    return loadConfig();
  } catch {
    return { LOG_FORMAT: 'text', LOG_LEVEL: 'error' } as Parameters<typeof createLogger>[0];
  }
}
