import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/config';
import { dataSourceOptions } from './data-source-options';
import { DatabaseHealth } from './database.health';
import { EmbeddedDatabaseError } from './embedded-database.errors';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config),
        autoLoadEntities: true,
        retryAttempts: config.embeddedDatabase ? 0 : 5,
        retryDelay: 1000,
        // A locked or damaged data folder does not heal in a second: fail with its own message.
        toRetry: (err: unknown) => !(err instanceof EmbeddedDatabaseError),
      }),
    }),
  ],
  providers: [DatabaseHealth],
  exports: [DatabaseHealth],
})
export class DatabaseModule {}
