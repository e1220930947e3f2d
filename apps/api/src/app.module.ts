import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ThrottlerModule } from '@nestjs/throttler';
import { AccountsModule, AccountsService, TokenService } from '@app/accounts';
import { AppConfig, ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { FeaturesModule, JobsModule } from '@app/platform';
import { MentorProfilesService, OrganizationsService, ProfilesModule } from '@app/profiles';
import { QueueModule } from '@app/queue';
import { DemoDataModule } from '@app/seed';
import { AuthGuard } from './auth/auth.guard';
import { GqlThrottlerGuard } from './auth/gql-throttler.guard';
import { GraphQLExceptionFilter } from './graphql/graphql-exception.filter';
import { graphqlOptions } from './graphql/graphql.options';
import { InputValidationPipe } from './graphql/input-validation.pipe';
import { HealthController } from './health/health.controller';
import { LifecycleLogger } from './lifecycle.logger';
import { StartupTasks } from './startup-tasks';
import { AuditResolver } from './resolvers/audit.resolver';
import { AuthResolver } from './resolvers/auth.resolver';
import { ErrorCodesResolver } from './resolvers/error-codes.resolver';
import { MentorsResolver } from './resolvers/mentors.resolver';
import {
  MentorshipRequestsResolver,
  MentorshipsResolver,
  NotificationsResolver,
} from './resolvers/mentorships.resolver';
import { OrganizationsResolver } from './resolvers/organizations.resolver';
import { MatchingRoundsResolver, ProgramsResolver, RoundPairsResolver } from './resolvers/programs.resolver';
import { RecommendationsResolver } from './resolvers/recommendations.resolver';
import { QueueDashboardResolver } from './resolvers/queue-dashboard.resolver';
import { TaxonomyResolver } from './resolvers/taxonomy.resolver';
import { UserFieldsResolver } from './resolvers/user-fields.resolver';

export interface AppOptions {
  /** Also run the job worker in this process (embedded mode needs it; `npm start` always). */
  worker: boolean;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        QueueModule,
        FeaturesModule,
        DemoDataModule,
        ThrottlerModule.forRoot({
          throttlers: [{ ttl: config.THROTTLE_TTL_SECONDS * 1000, limit: config.THROTTLE_LIMIT }],
        }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AccountsModule, ProfilesModule],
          inject: [AppConfig, TokenService, AccountsService, OrganizationsService, MentorProfilesService],
          useFactory: graphqlOptions,
        }),
        ...(options.worker ? [JobsModule] : []),
      ],
      controllers: [HealthController],
      providers: [
        StartupTasks,
        LifecycleLogger,
        TaxonomyResolver,
        ErrorCodesResolver,
        AuthResolver,
        UserFieldsResolver,
        OrganizationsResolver,
        MentorsResolver,
        RecommendationsResolver,
        MentorshipRequestsResolver,
        MentorshipsResolver,
        NotificationsResolver,
        ProgramsResolver,
        MatchingRoundsResolver,
        RoundPairsResolver,
        AuditResolver,
        QueueDashboardResolver,
        // Order matters: throttle first, then authenticate.
        { provide: APP_GUARD, useClass: GqlThrottlerGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: GraphQLExceptionFilter },
        { provide: APP_PIPE, useClass: InputValidationPipe },
      ],
    };
  }
}
