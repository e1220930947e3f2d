import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from './format';

export const ALGORITHMS = ['OPTIMAL', 'GREEDY', 'STABLE'] as const;
export type Algorithm = (typeof ALGORITHMS)[number];
export type RoundStatus = 'QUEUED' | 'RUNNING' | 'PROPOSED' | 'PUBLISHED' | 'FAILED';

/** Still being computed: pages poll until it is not. */
export const isComputing = (status: RoundStatus): boolean => status === 'QUEUED' || status === 'RUNNING';

const STATUS_CLASS: Record<RoundStatus, string> = {
  QUEUED: 'badge',
  RUNNING: 'badge',
  PROPOSED: 'badge badge-warn',
  PUBLISHED: 'badge badge-ok',
  FAILED: 'badge badge-danger',
};

/** A round's status as a badge; the word carries the meaning, the colour only repeats it. */
export function RoundStatusBadge({ status }: { status: RoundStatus }) {
  const { t } = useTranslation();
  return <span className={STATUS_CLASS[status]}>{t(`manager.status.${status}`)}</span>;
}

const INFEASIBLE =
  /^(minWomenLedShare|minNonMetropolitanShare) ([\d.]+) cannot be met( together with minWomenLedShare)?: the highest share reachable is ([\d.]+) \((\d+) of the (\d+) pairs\)/;

/**
 * Why a round failed, in the user's language: an infeasible target (the API names it with the
 * highest share reachable) is put in words; anything else is the API's own message.
 */
export function useRoundFailure(): (error: string | null | undefined) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return useCallback(
    (error) => {
      const match = INFEASIBLE.exec(error ?? '');
      if (!match)
        return error ? t('manager.round.failedOther', { reason: error }) : t('manager.round.failedUnknown');
      const [, target, share, alongside, reachable, pairs, of] = match;
      // The share reached from its counts, rounded once here (the message's decimal is rounded already).
      const reached = Number(of) > 0 ? Number(pairs) / Number(of) : Number(reachable);
      return t(alongside ? 'manager.round.infeasibleBoth' : 'manager.round.infeasible', {
        target: t(`manager.targets.${target}`),
        share: format.percent(Number(share)),
        reachable: format.percent(reached),
        pairs: format.number(Number(pairs)),
        of: format.number(Number(of)),
      });
    },
    [t, format],
  );
}
