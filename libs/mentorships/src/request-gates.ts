import { isOpenToRequests, wantsMoreMentors, type MentorParty, type OrganizationParty } from '@app/profiles';
import { MentorshipErrorCode } from './mentorship-error-code';

/** What the gates of a request look at: plain facts, read under the organisation's lock. */
export interface GateFacts {
  organization: Pick<
    OrganizationParty,
    'ownerId' | 'languages' | 'openRequests' | 'activeMentorships' | 'mentorsWanted'
  >;
  mentor: Pick<MentorParty, 'userId' | 'languages' | 'acceptingRequests' | 'capacity' | 'activeMentorships'>;
  /** The organisation already has a PENDING request to this mentor. */
  pendingPair: boolean;
  /** The most open requests an organisation may have (MAX_OPEN_REQUESTS). */
  openRequestLimit: number;
}

/** A gate the pair failed: the code and message the sender is answered with. */
export interface FailedGate {
  code: MentorshipErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

type Gate = (f: GateFacts) => FailedGate | null;

const fail = (code: MentorshipErrorCode, message: string, details?: Record<string, unknown>): FailedGate => ({
  code,
  message,
  ...(details ? { details } : {}),
});

/**
 * The gates every request passes, in the order a sender hears of them: the owner's request
 * (`request`) answers the first that fails; the platform's (a reroute, a published round) skips
 * the pair.
 */
const GATES: readonly Gate[] = [
  // The organisation's own first: whichever mentor it asks, it has the mentors it wants.
  ({ organization }) =>
    wantsMoreMentors(organization) ? null : mentorsWantedReached(organization.mentorsWanted),
  ({ organization, mentor }) =>
    mentor.userId === organization.ownerId
      ? fail(MentorshipErrorCode.NOT_ELIGIBLE, 'You cannot mentor yourself')
      : null,
  ({ organization, mentor }) =>
    organization.languages.some((l) => mentor.languages.includes(l))
      ? null
      : fail(MentorshipErrorCode.NOT_ELIGIBLE, 'The organisation and the mentor share no language'),
  ({ mentor }) =>
    isOpenToRequests(mentor)
      ? null
      : mentor.acceptingRequests
        ? fail(MentorshipErrorCode.CAPACITY_FULL, 'This mentor has no capacity left')
        : fail(MentorshipErrorCode.NOT_ELIGIBLE, 'This mentor is not taking requests now'),
  ({ pendingPair }) =>
    pendingPair
      ? fail(MentorshipErrorCode.DUPLICATE_REQUEST, 'There is already an open request to this mentor')
      : null,
  ({ organization, openRequestLimit: limit }) =>
    organization.openRequests < limit ? null : tooManyOpenRequests(limit),
];

/** The first gate the pair fails, or null when a request may go. */
export function firstFailedGate(facts: GateFacts): FailedGate | null {
  for (const gate of GATES) {
    const failed = gate(facts);
    if (failed) return failed;
  }
  return null;
}

/** Also what the conditional UPDATE answers when another request took the last slot meanwhile. */
export const tooManyOpenRequests = (limit: number): FailedGate =>
  fail(
    MentorshipErrorCode.TOO_MANY_OPEN_REQUESTS,
    `An organisation may have at most ${limit} open requests; cancel one or wait for an answer`,
    { limit },
  );

/** Also what acceptance answers when the organisation's conditional UPDATE finds it has them. */
export const mentorsWantedReached = (mentorsWanted: number): FailedGate =>
  fail(
    MentorshipErrorCode.MENTORS_WANTED_REACHED,
    `The organisation already runs ${mentorsWanted === 1 ? 'a mentorship' : `${mentorsWanted} mentorships`}, ` +
      'as many as the mentors it wants; finish one or raise mentorsWanted first',
    { mentorsWanted },
  );
