import type { MigrationInterface } from 'typeorm';
import { InitialSchema1795812583190 } from './1795812583190-initial-schema';
import { AuditEvents1795816378936 } from './1795816378936-audit-events';
import { Scoring1795826855624 } from './1795826855624-scoring';
import { Mentorships1795830258140 } from './1795830258140-mentorships';
import { MentorshipRecords1795830971999 } from './1795830971999-mentorship-records';
import { EmailOutbox1795831335362 } from './1795831335362-email-outbox';
import { Programs1795833798974 } from './1795833798974-programs';
import { MatchInterests1795834103704 } from './1795834103704-match-interests';
import { JobOutbox1796237386041 } from './1796237386041-job-outbox';
import { LoginThrottleTokenVersion1796237665637 } from './1796237665637-login-throttle-token-version';
import { RoundCohortSnapshot1796245569455 } from './1796245569455-round-cohort-snapshot';

/** Every migration, in order. Listed explicitly so the built app needs no glob at runtime. */
export const MIGRATIONS: Array<new () => MigrationInterface> = [
  InitialSchema1795812583190,
  AuditEvents1795816378936,
  Scoring1795826855624,
  Mentorships1795830258140,
  MentorshipRecords1795830971999,
  EmailOutbox1795831335362,
  Programs1795833798974,
  MatchInterests1795834103704,
  JobOutbox1796237386041,
  LoginThrottleTokenVersion1796237665637,
  RoundCohortSnapshot1796245569455,
];
