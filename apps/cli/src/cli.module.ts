import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { AccountsModule } from '@app/accounts';
import { AppConfig, ConfigModule } from '@app/config';
import { DatabaseModule, exitOnSignals, openEmbeddedDatabase } from '@app/database';
import { ImportModule } from '@app/import';
import { SeedModule } from '@app/seed';

/** What the command-line tools need: configuration, the database (migrated), the loaders. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, AccountsModule, SeedModule, ImportModule],
    };
  }
}

/**
 * The application context of one command (`seed`, `import`). In embedded mode it locks DATA_DIR
 * first, as the API does: a command is refused while another process uses the folder. `command`
 * names it in the lock, for whoever is refused.
 */
export async function createCliContext(
  config: AppConfig,
  command = process.argv[2] ?? 'command',
): Promise<INestApplicationContext> {
  // Ctrl-C, even while the database opens, must not leave the folder locked.
  exitOnSignals();
  const embedded = await openEmbeddedDatabase(config, {
    command: `CLI ${command}`,
    warn: (message) => process.stderr.write(`${message}\n`),
  });
  try {
    return await NestFactory.createApplicationContext(CliModule.forRoot(config), {
      logger: ['error', 'warn'],
    });
  } catch (err) {
    await embedded?.close();
    throw err;
  }
}
