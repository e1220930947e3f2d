import 'reflect-metadata';
import { ConfigValidationError, loadConfig } from '@app/config';
import { EmbeddedDatabaseError } from '@app/database';
import { DEMO_ACCOUNTS } from '@app/seed';
import { createApiApp, createLogger } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const worker = !process.argv.includes('--no-worker');
  if (!worker && config.embeddedQueue) {
    throw new ConfigValidationError(
      '--no-worker needs REDIS_URL: the in-process queue runs jobs only in this process',
    );
  }
  const app = await createApiApp(config, { worker });
  await app.listen(config.PORT, config.HOST);
  const url = `http://localhost:${config.PORT}`;
  const mode = [
    config.embeddedDatabase ? 'embedded PGlite database' : 'PostgreSQL',
    config.embeddedQueue ? 'in-process jobs' : 'BullMQ on Redis',
    worker ? 'API + worker' : 'API only',
  ].join(', ');
  const lines = [
    '',
    `  Mentorlink is running (${mode})`,
    `  Open:     ${url}/`,
    `  GraphQL:  ${url}/graphql`,
    `  Health:   ${url}/health`,
  ];
  if (config.DEMO_DATA) {
    lines.push(
      `  Demo logins (password: ${config.DEMO_PASSWORD === 'demo1234' ? 'demo1234' : 'DEMO_PASSWORD'}):`,
    );
    for (const account of DEMO_ACCOUNTS)
      lines.push(`    ${account.email.padEnd(20)} ${account.roles.join(', ')}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
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
    return { LOG_FORMAT: 'text' } as Parameters<typeof createLogger>[0];
  }
}
