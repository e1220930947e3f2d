import { registerEnumType } from '@nestjs/graphql';
import { Role } from '@app/common';
import { InterestSide, MatchInterest, ScoreComponentCode, ScoringRunStatus } from '@app/matching';
import {
  DeclineReason,
  FeedbackSide,
  FinancingBand,
  GoalStatus,
  OutcomeKind,
  MentorshipStatus,
  NotificationKind,
  RequestSource,
  RequestStatus,
} from '@app/mentorships';
import { Gender, OrganizationKind } from '@app/profiles';
import { RoundAlgorithm, RoundStatus } from '@app/programs';
import { Locality, SizeClass } from '@app/taxonomy';

registerEnumType(Role, { name: 'Role' });
registerEnumType(OrganizationKind, { name: 'OrganizationKind' });
registerEnumType(Locality, {
  name: 'Locality',
  description: 'Metropolitan: capital or major metro region; sub-regional town; rural.',
});
registerEnumType(SizeClass, {
  name: 'SizeClass',
  description: 'By employees (IFC-style): micro < 10, small 10-49, medium 50-300, large > 300.',
});
registerEnumType(Gender, {
  name: 'Gender',
  description: 'Self-declared; visible to the mentor and admins only.',
});

registerEnumType(ScoreComponentCode, {
  name: 'ScoreComponentCode',
  description: 'The parts of a match score; their points add up to the score.',
});
registerEnumType(ScoringRunStatus, { name: 'ScoringRunStatus' });
registerEnumType(RequestStatus, { name: 'MentorshipRequestStatus' });
registerEnumType(RequestSource, {
  name: 'MentorshipRequestSource',
  description: 'Sent by the owner, sent on by the platform after an expiry, or from a matching round.',
});
registerEnumType(DeclineReason, { name: 'DeclineReason' });
registerEnumType(MentorshipStatus, { name: 'MentorshipStatus' });
registerEnumType(NotificationKind, { name: 'NotificationKind' });
registerEnumType(GoalStatus, { name: 'GoalStatus' });
registerEnumType(RoundAlgorithm, {
  name: 'MatchingAlgorithm',
  description:
    'OPTIMAL: the maximum total score, exactly; GREEDY: best pairs first; STABLE: deferred acceptance.',
});
registerEnumType(RoundStatus, { name: 'MatchingRoundStatus' });
registerEnumType(MatchInterest, { name: 'MatchInterest' });
registerEnumType(InterestSide, { name: 'InterestSide' });
registerEnumType(FeedbackSide, { name: 'FeedbackSide' });
registerEnumType(OutcomeKind, { name: 'OutcomeKind' });
registerEnumType(FinancingBand, { name: 'FinancingBand', description: 'Amount raised, in US dollars.' });

export {
  DeclineReason,
  FeedbackSide,
  FinancingBand,
  GoalStatus,
  OutcomeKind,
  Gender,
  Locality,
  MentorshipStatus,
  NotificationKind,
  OrganizationKind,
  RequestSource,
  RequestStatus,
  Role,
  RoundAlgorithm,
  RoundStatus,
  InterestSide,
  MatchInterest,
  ScoreComponentCode,
  ScoringRunStatus,
  SizeClass,
};
