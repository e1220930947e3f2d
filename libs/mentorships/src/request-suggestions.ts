import { RequestStatus } from './mentorship.entities';
import type { MentorSuggestion } from './mentor-suggestions.port';

/** Mentors an expiry e-mail names. */
export const EMAILED_SUGGESTIONS = 3;

/** A request that ended without a mentorship from the mentor's side offers other mentors. */
export const offersSuggestions = (status: RequestStatus): boolean =>
  status === RequestStatus.EXPIRED || status === RequestStatus.DECLINED;

/**
 * The organisation's next mentors: its recommended mentors open to requests (as the port gives
 * them, best first) that it has never asked, in the same order.
 */
export function notYetAsked<S extends MentorSuggestion>(
  suggestions: readonly S[],
  asked: Iterable<string>,
): S[] {
  const skip = new Set(asked);
  return suggestions.filter((s) => !skip.has(s.candidate.id));
}
