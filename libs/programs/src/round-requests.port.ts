import type { EntityManager } from 'typeorm';

export interface Pair {
  organizationId: string;
  mentorId: string;
}

/**
 * What matching rounds need of mentorship requests: which pairs are already running or asked
 * (a round does not propose them again), and sending a published round's pairs. The mentorships
 * feature provides it; the product binds the two where it is assembled (@app/platform), so
 * programs does not depend on mentorships.
 */
export abstract class RoundRequests {
  /** Pairs among these organisations with a running mentorship or a pending request. */
  abstract pairsInProgress(organizationIds: readonly string[]): Promise<Pair[]>;

  /**
   * In the caller's transaction: a request from a published round (source ROUND), sent only if
   * the pair still passes every gate and the organisation has room for another open request;
   * null otherwise. Its follow-up jobs are recorded in the same transaction.
   */
  abstract sendForRound(
    manager: EntityManager,
    pair: Pair,
    message: string,
    actorId: string,
  ): Promise<{ id: string } | null>;
}
