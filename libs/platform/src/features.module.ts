import { Global, Module } from '@nestjs/common';
import { AccountsModule } from '@app/accounts';
import { AuditModule } from '@app/audit';
import { MatchingModule, RecommendationsService } from '@app/matching';
import { MentorSuggestions, MentorshipRequestsService, MentorshipsModule } from '@app/mentorships';
import { ProfilesModule } from '@app/profiles';
import { ProgramsModule, RoundRequests } from '@app/programs';
import { ReportsModule } from '@app/reports';

/**
 * Where features that stand side by side meet: each declares what it needs of another as a port
 * (an abstract class), and this module binds the port to the feature that provides it.
 */
@Global()
@Module({
  imports: [MatchingModule, MentorshipsModule],
  providers: [
    { provide: MentorSuggestions, useExisting: RecommendationsService },
    { provide: RoundRequests, useExisting: MentorshipRequestsService },
  ],
  exports: [MentorSuggestions, RoundRequests],
})
export class FeatureLinksModule {}

/** The product's features, linked: what the API and the worker load. */
@Module({
  imports: [
    FeatureLinksModule,
    AccountsModule,
    AuditModule,
    ProfilesModule,
    MatchingModule,
    MentorshipsModule,
    ProgramsModule,
    ReportsModule,
  ],
  exports: [
    AccountsModule,
    AuditModule,
    ProfilesModule,
    MatchingModule,
    MentorshipsModule,
    ProgramsModule,
    ReportsModule,
  ],
})
export class FeaturesModule {}
