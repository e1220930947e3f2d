import type { MinimumPairs } from '@app/assignment';
import { DomainError, ErrorCode } from '@app/common';

/** A round's inclusion targets, as shares 0-1 of the matched pairs (null: none). */
export interface TargetShares {
  minWomenLedShare: number | null;
  minNonMetropolitanShare: number | null;
}

export type TargetName = 'minWomenLedShare' | 'minNonMetropolitanShare';

/** The targets as minimum counts of pairs, in the form the solvers take. */
export interface RoundTarget {
  /** One target. */
  minimum?: MinimumPairs & { name: TargetName; share: number };
  /** Both: women-led first, non-metropolitan second. */
  both?: [MinimumPairs, MinimumPairs];
  /** Pairs required of each group (null: no target). */
  womenLed: number | null;
  nonMetropolitan: number | null;
}

/**
 * A share as a minimum count of `pairs`, rounded up: "half the pairs women-led" means at least
 * half of that many. The tolerance keeps a share typed as 0.3 of 10 pairs at 3, not 4.
 */
export function minimumCount(share: number, pairs: number): number {
  return Math.max(0, Math.ceil(share * pairs - 1e-9));
}

/**
 * The round's targets against the unconstrained optimum's number of pairs (`freePairs`), over the
 * cohort's groups (1 per organisation in the group, by problem index).
 */
export function roundTarget(
  shares: TargetShares,
  groups: { womenLed: Uint8Array; nonMetropolitan: Uint8Array },
  freePairs: number,
): RoundTarget {
  const women = shares.minWomenLedShare;
  const metro = shares.minNonMetropolitanShare;
  const womenLed = women == null ? null : minimumCount(women, freePairs);
  const nonMetropolitan = metro == null ? null : minimumCount(metro, freePairs);
  if (womenLed !== null && nonMetropolitan !== null) {
    return {
      both: [
        { group: groups.womenLed, count: womenLed },
        { group: groups.nonMetropolitan, count: nonMetropolitan },
      ],
      womenLed,
      nonMetropolitan,
    };
  }
  if (womenLed !== null) {
    return {
      minimum: { group: groups.womenLed, count: womenLed, name: 'minWomenLedShare', share: women! },
      womenLed,
      nonMetropolitan: null,
    };
  }
  if (nonMetropolitan !== null) {
    return {
      minimum: {
        group: groups.nonMetropolitan,
        count: nonMetropolitan,
        name: 'minNonMetropolitanShare',
        share: metro!,
      },
      womenLed: null,
      nonMetropolitan,
    };
  }
  return { womenLed: null, nonMetropolitan: null };
}

/**
 * A target no assignment meets: names it (and, for the second of two, that it fails alongside the
 * first) with the highest share reachable, as "k of the n pairs" so the reader can work it out.
 */
export function infeasibleTarget(
  name: TargetName,
  share: number,
  reachable: number,
  freePairs: number,
  alongside = false,
): DomainError {
  const highest = freePairs === 0 ? 0 : reachable / freePairs;
  return new DomainError(
    ErrorCode.BAD_USER_INPUT,
    `${name} ${Math.round(share * 1000) / 1000} cannot be met${alongside ? ' together with minWomenLedShare' : ''}: ` +
      `the highest share reachable is ${highest.toFixed(3)} (${reachable} of the ${freePairs} pairs)`,
    { target: name, reachableShare: highest },
  );
}
