import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { BarChart, type Bar } from '../../components/bar-chart';
import { ErrorNotice } from '../../components/error-notice';
import { Loading, Page } from '../../components/page';
import { ProgressBar } from '../../components/progress-bar';
import { graphql, type ResultOf } from '../../graphql';
import { useFormat } from './format';
import { usePolling } from './polling';
import { ROUND_PROGRAM } from './round-query';
import { isComputing, RoundStatusBadge, useRoundFailure } from './rounds';
import './manager.css';

const COMPARED_ROUND = graphql(`
  fragment ComparedRound on MatchingRound @_unmask {
    id
    algorithm
    status
    progress
    error
    summary {
      totalScore
      pairs
      optimalTotal
      gapToOptimal
      womenLed {
        cohortShare
        matchedShare
      }
      nonMetropolitan {
        cohortShare
        matchedShare
      }
    }
  }
`);

const COMPARE_ROUNDS = graphql(
  `
    query CompareRounds($a: ID!, $b: ID!, $c: ID!) {
      a: matchingRound(id: $a) {
        ...ComparedRound
      }
      b: matchingRound(id: $b) {
        ...ComparedRound
      }
      c: matchingRound(id: $c) {
        ...ComparedRound
      }
    }
  `,
  [COMPARED_ROUND],
);

type Compared = ResultOf<typeof COMPARED_ROUND>;

/**
 * The total score of the unconstrained optimum the rounds are measured against: GREEDY and
 * STABLE rounds carry it; failing that, the OPTIMAL round's own total.
 */
function optimumOf(rounds: Compared[]): number | null {
  const carried = rounds.find((r) => r.summary?.optimalTotal != null)?.summary?.optimalTotal;
  if (carried != null) return carried;
  return rounds.find((r) => r.algorithm === 'OPTIMAL')?.summary?.totalScore ?? null;
}

/** Three rounds of one programme (one per algorithm, same settings) side by side. */
export function ComparePage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const format = useFormat();
  const failure = useRoundFailure();
  const ids = (params.get('rounds') ?? '').split(',').filter(Boolean);
  const complete = ids.length === 3;
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: COMPARE_ROUNDS,
    variables: { a: ids[0] ?? '', b: ids[1] ?? '', c: ids[2] ?? '' },
    pause: !complete,
  });
  const [program] = useQuery({ query: ROUND_PROGRAM, variables: { id } });
  const rounds = data ? [data.a, data.b, data.c] : [];
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const running = rounds.some((r) => isComputing(r.status));
  usePolling(running, refresh);

  const optimum = optimumOf(rounds);
  const ofOptimum = (r: Compared) =>
    r.summary == null || optimum == null || optimum === 0 ? null : r.summary.totalScore / optimum;
  const algorithm = (r: Compared) => t(`manager.algorithms.${r.algorithm}`);
  const done = rounds.filter((r) => r.summary != null);
  const shareBars = (name: 'womenLed' | 'nonMetropolitan'): Bar[] => [
    ...done.map((r) => ({
      key: r.id,
      label: algorithm(r),
      value: r.summary![name].matchedShare,
      display: format.percent(r.summary![name].matchedShare),
    })),
    ...(done[0]
      ? [
          {
            key: 'cohort',
            label: t('manager.summary.cohortShare'),
            value: done[0].summary![name].cohortShare,
            display: format.percent(done[0].summary![name].cohortShare),
          },
        ]
      : []),
  ];

  return (
    <Page title={t('manager.compare.title')}>
      <p>
        <Link to={`/programs/${id}`}>
          {program.data
            ? t('manager.round.backTo', { name: program.data.program.name })
            : t('manager.round.backToProgram')}
        </Link>
      </p>
      {!complete ? <p>{t('manager.compare.needThree')}</p> : null}
      <ErrorNotice error={error} onRetry={refresh} />
      {fetching && !data ? <Loading /> : null}
      {data ? (
        <>
          <p className="hint" role="status">
            {running ? t('manager.compare.running') : t('manager.compare.done')}
          </p>
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">{t('manager.compare.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('manager.compare.algorithm')}</th>
                  <th scope="col">{t('manager.round.status')}</th>
                  <th scope="col">{t('manager.summary.totalScore')}</th>
                  <th scope="col">{t('manager.summary.pairs')}</th>
                  <th scope="col">{t('manager.summary.ofOptimum')}</th>
                  <th scope="col">{t('manager.compare.womenLed')}</th>
                  <th scope="col">{t('manager.compare.nonMetropolitan')}</th>
                </tr>
              </thead>
              <tbody>
                {rounds.map((r) => {
                  const share = ofOptimum(r);
                  return (
                    <tr key={r.id}>
                      <th scope="row">
                        <Link to={`/rounds/${r.id}`}>
                          {t('manager.compare.review', { algorithm: algorithm(r) })}
                        </Link>
                      </th>
                      <td>
                        <RoundStatusBadge status={r.status} />
                        {isComputing(r.status) ? (
                          <ProgressBar
                            label={t('manager.compare.progress', { algorithm: algorithm(r) })}
                            value={r.progress}
                          />
                        ) : null}
                        {r.status === 'FAILED' ? <p>{failure(r.error)}</p> : null}
                      </td>
                      <td>{r.summary ? format.number(r.summary.totalScore) : '—'}</td>
                      <td>{r.summary ? format.number(r.summary.pairs) : '—'}</td>
                      <td>{share != null ? format.percent(share) : '—'}</td>
                      <td>{r.summary ? format.percent(r.summary.womenLed.matchedShare) : '—'}</td>
                      <td>{r.summary ? format.percent(r.summary.nonMetropolitan.matchedShare) : '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {done.length > 0 ? (
            <div className="grid-2">
              <BarChart
                title={t('manager.summary.totalScore')}
                bars={done.map((r) => ({
                  key: r.id,
                  label: algorithm(r),
                  value: r.summary!.totalScore,
                  display: format.number(r.summary!.totalScore),
                }))}
              />
              <BarChart
                title={t('manager.summary.ofOptimum')}
                max={1}
                bars={done.map((r) => ({
                  key: r.id,
                  label: algorithm(r),
                  value: ofOptimum(r) ?? 0,
                  display: ofOptimum(r) != null ? format.percent(ofOptimum(r)!) : '—',
                }))}
              />
              <BarChart title={t('manager.compare.womenLed')} max={1} bars={shareBars('womenLed')} />
              <BarChart
                title={t('manager.compare.nonMetropolitan')}
                max={1}
                bars={shareBars('nonMetropolitan')}
              />
            </div>
          ) : null}
          <p className="hint">{t('manager.compare.optimumNote')}</p>
        </>
      ) : null}
    </Page>
  );
}
