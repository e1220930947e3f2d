/**
 * The one rule for a mentor being open to requests: taking them, with a place left. Recommendations,
 * request gates, rounds and the scoring snapshots all use it, as a predicate or as SQL.
 */
export interface MentorPlaces {
  acceptingRequests: boolean;
  capacity: number;
  activeMentorships: number;
}

export const isOpenToRequests = (m: MentorPlaces): boolean =>
  m.acceptingRequests && m.activeMentorships < m.capacity;

/** Places a mentor can still take: none while not taking requests. */
export const placesLeft = (m: MentorPlaces): number =>
  m.acceptingRequests ? Math.max(0, m.capacity - m.activeMentorships) : 0;

/** `isOpenToRequests` over the mentor_profiles row aliased `alias`. */
export const openToRequestsSql = (alias: string): string =>
  `(${alias}.accepting_requests AND ${alias}.active_mentorships < ${alias}.capacity)`;

/** `placesLeft` over the mentor_profiles row aliased `alias`. */
export const placesLeftSql = (alias: string): string =>
  `(CASE WHEN ${alias}.accepting_requests THEN greatest(0, ${alias}.capacity - ${alias}.active_mentorships) ELSE 0 END)`;
