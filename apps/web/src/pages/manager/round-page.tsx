import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { BarChart } from '../../components/bar-chart';
import { ErrorNotice } from '../../components/error-notice';
import { Loading, Page } from '../../components/page';
import { ProgressBar } from '../../components/progress-bar';
import { useFormat } from './format';
import { usePolling } from './polling';
import { ROUND, ROUND_PROGRAM, type Round, type RoundSummaryFields } from './round-query';
import { RoundReview } from './round-review';
import { isComputing, RoundStatusBadge, useRoundFailure } from './rounds';
import './manager.css';

/**
 * A matching round: its progress while it is computed (polled about every second), why it
 * failed, or its summary and pairs for review and publication.
 */
export function RoundPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const failure = useRoundFailure();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ROUND, variables: { id } });
  const round = data?.matchingRound;
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  usePolling(Boolean(round && isComputing(round.status)), refresh);
  const [program] = useQuery({
    query: ROUND_PROGRAM,
    variables: { id: round?.programId ?? '' },
    pause: !round,
  });

  if (!round) {
    return (
      <Page title={t('manager.round.loadingTitle')}>
        <ErrorNotice error={error} onRetry={refresh} />
        {fetching ? <Loading /> : null}
      </Page>
    );
  }
  const programName = program.data?.program.name;
  const target = (share: number | null | undefined) =>
    share == null ? t('manager.round.noTarget') : format.percent(share);
  return (
    <Page title={t('manager.round.title', { algorithm: t(`manager.algorithms.${round.algorithm}`) })}>
      <p>
        <Link to={`/programs/${round.programId}`}>
          {programName ? t('manager.round.backTo', { name: programName }) : t('manager.round.backToProgram')}
        </Link>
      </p>
      <ErrorNotice error={error} onRetry={refresh} />
      <p className="visually-hidden" role="status">
        {t('manager.round.statusNow', { status: t(`manager.status.${round.status}`) })}
      </p>
      <dl className="manager-facts">
        <dt>{t('manager.round.status')}</dt>
        <dd>
          <RoundStatusBadge status={round.status} />
        </dd>
        <dt>{t('manager.run.maxMentors')}</dt>
        <dd>{format.number(round.maxMentorsPerOrganization)}</dd>
        <dt>{t('manager.round.womenLedTarget')}</dt>
        <dd>{target(round.minWomenLedShare)}</dd>
        <dt>{t('manager.round.nonMetroTarget')}</dt>
        <dd>{target(round.minNonMetropolitanShare)}</dd>
        <dt>{t('manager.round.started')}</dt>
        <dd>{format.dateTime(round.createdAt)}</dd>
        {round.finishedAt ? (
          <>
            <dt>{t('manager.round.finished')}</dt>
            <dd>{format.dateTime(round.finishedAt)}</dd>
          </>
        ) : null}
        {round.publishedAt ? (
          <>
            <dt>{t('manager.round.published')}</dt>
            <dd>{format.dateTime(round.publishedAt)}</dd>
          </>
        ) : null}
      </dl>

      {isComputing(round.status) ? (
        <section aria-labelledby="round-progress">
          <h2 id="round-progress">{t('manager.round.progressTitle')}</h2>
          <ProgressBar label={t('manager.round.progressLabel')} value={round.progress} />
          <p className="hint">{t('manager.round.polling')}</p>
        </section>
      ) : null}

      {round.status === 'FAILED' ? (
        <div className="notice notice-error" role="alert">
          <p>
            <strong>{t('manager.round.failed')}</strong>
          </p>
          <p>{failure(round.error)}</p>
          <p>
            <Link to={`/programs/${round.programId}`}>{t('manager.round.tryAgain')}</Link>
          </p>
        </div>
      ) : null}

      {round.summary ? <RoundSummary round={round} summary={round.summary} /> : null}
      {round.status === 'PROPOSED' || round.status === 'PUBLISHED' ? (
        <RoundReview round={round} onChanged={refresh} />
      ) : null}
    </Page>
  );
}

/** The round's figures: score, pairs, who is left out and why, inclusion against the cohort. */
export function RoundSummary({ round, summary }: { round: Round; summary: RoundSummaryFields }) {
  const { t } = useTranslation();
  const format = useFormat();
  const unmatched =
    summary.unmatched.noCandidates + summary.unmatched.noCapacityLeft + summary.unmatched.notChosen;
  const inclusion = (name: 'womenLed' | 'nonMetropolitan') => {
    const share = summary[name];
    return (
      <div>
        <BarChart
          title={t(`manager.summary.${name}`)}
          max={1}
          bars={[
            {
              key: 'matched',
              label: t('manager.summary.matchedShare'),
              value: share.matchedShare,
              display: format.percent(share.matchedShare),
            },
            {
              key: 'cohort',
              label: t('manager.summary.cohortShare'),
              value: share.cohortShare,
              display: format.percent(share.cohortShare),
            },
          ]}
        />
        {share.required != null ? (
          <p className="meta">
            {t('manager.summary.required', { count: share.required, pairs: format.number(share.required) })}
          </p>
        ) : null}
      </div>
    );
  };
  return (
    <section aria-labelledby="round-summary">
      <h2 id="round-summary">{t('manager.summary.title')}</h2>
      <dl className="manager-stats">
        <div>
          <dt>{t('manager.summary.totalScore')}</dt>
          <dd>{format.number(summary.totalScore)}</dd>
        </div>
        <div>
          <dt>{t('manager.summary.pairs')}</dt>
          <dd>{format.number(summary.pairs)}</dd>
        </div>
        <div>
          <dt>{t('manager.summary.organizations')}</dt>
          <dd>{format.number(summary.organizations)}</dd>
        </div>
        <div>
          <dt>{t('manager.summary.candidates')}</dt>
          <dd>{format.number(summary.candidates)}</dd>
        </div>
        {summary.gapToOptimal != null ? (
          <div>
            <dt>{t('manager.summary.ofOptimum')}</dt>
            <dd>
              {format.percent(summary.gapToOptimal)}
              {summary.optimalTotal != null ? (
                <span className="manager-stat-note">
                  {t('manager.summary.optimalTotal', {
                    total: format.number(summary.optimalTotal),
                    gap: format.percent(Math.max(0, 1 - summary.gapToOptimal)),
                  })}
                </span>
              ) : null}
            </dd>
          </div>
        ) : null}
        {summary.upperBound != null ? (
          <div>
            <dt>{t('manager.summary.upperBound')}</dt>
            <dd>{format.number(summary.upperBound)}</dd>
          </div>
        ) : null}
        {summary.gapToBound != null ? (
          <div>
            <dt>{t('manager.summary.gapToBound')}</dt>
            <dd>
              {format.percent(summary.gapToBound, 3)}
              {summary.gapToBound === 0 ? (
                <span className="manager-stat-note">{t('manager.summary.provenOptimal')}</span>
              ) : null}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('manager.summary.seconds')}</dt>
          <dd>{t('manager.summary.secondsValue', { seconds: format.decimal(summary.seconds, 2) })}</dd>
        </div>
      </dl>
      {round.algorithm !== 'OPTIMAL' &&
      (round.minWomenLedShare != null || round.minNonMetropolitanShare != null) ? (
        <p className="hint">{t('manager.summary.targetsNotEnforced')}</p>
      ) : null}

      <h3>{t('manager.summary.unmatched', { total: format.number(unmatched) })}</h3>
      <ul>
        <li>{t('manager.summary.noCandidates', { n: format.number(summary.unmatched.noCandidates) })}</li>
        <li>{t('manager.summary.noCapacityLeft', { n: format.number(summary.unmatched.noCapacityLeft) })}</li>
        <li>{t('manager.summary.notChosen', { n: format.number(summary.unmatched.notChosen) })}</li>
      </ul>

      <h3>{t('manager.summary.inclusion')}</h3>
      <div className="grid-2">
        {inclusion('womenLed')}
        {inclusion('nonMetropolitan')}
      </div>
    </section>
  );
}
