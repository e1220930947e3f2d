import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useSession } from '../../auth/session';
import { BarChart } from '../../components/bar-chart';
import { ErrorNotice } from '../../components/error-notice';
import { Loading, Page } from '../../components/page';
import { graphql, type ResultOf } from '../../graphql';
import { CohortEditor } from './cohort-editor';
import { WEIGHT_KEYS } from './create-program-form';
import { useFormat } from './format';
import { inOrder, LOCALITIES } from './report-page';
import { RoundStatusBadge } from './rounds';
import { RunRoundForm } from './run-round-form';
import './manager.css';

export const PROGRAM = graphql(`
  query ManagerProgram($id: ID!) {
    program(id: $id) {
      id
      name
      economies
      startsOn
      endsOn
      createdAt
      cohort {
        organizations
        mentors
      }
      defaultWeights
      weights {
        sector
        topics
        internationalization
        economy
        locality
        womenLed
      }
      rounds {
        id
        algorithm
        status
        createdAt
        summary {
          pairs
          totalScore
        }
      }
    }
    economies {
      code
      name
    }
  }
`);

const COHORT_MIX = graphql(`
  query ProgramCohortMix($id: ID!) {
    programReport(id: $id) {
      totals {
        organizations
      }
      byWomenLed {
        key
        organizations
        suppressed
      }
      byLocality {
        key
        organizations
        suppressed
      }
    }
  }
`);

type Program = ResultOf<typeof PROGRAM>['program'];

/**
 * A programme: its dates, economies, score weights and cohort, its matching rounds so far, and
 * the form that runs a new one.
 */
export function ProgramPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const { user, hasRole } = useSession();
  const [{ data, fetching, error }, refetch] = useQuery({ query: PROGRAM, variables: { id } });
  const [mix, refetchMix] = useQuery({ query: COHORT_MIX, variables: { id } });
  const program = data?.program;
  if (!program) {
    return (
      <Page title={t('manager.program.loadingTitle')}>
        <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        {fetching ? <Loading /> : null}
        <p>
          <Link to="/programs">{t('manager.program.allPrograms')}</Link>
        </p>
      </Page>
    );
  }
  const economyName = new Map(data.economies.map((e) => [e.code, e.name]));
  // Managers add organisations of the economies they manage; admins any of the programme's.
  const editable = program.economies
    .filter((code) => hasRole('ADMIN') || user?.managedEconomies.some((e) => e.code === code))
    .map((code) => ({ code, name: economyName.get(code) ?? code }));
  const report = mix.data?.programReport;
  const hidden = t('manager.report.suppressed');
  return (
    <Page
      title={program.name}
      actions={
        <>
          <Link className="button button-secondary" to={`/programs/${id}/report`}>
            {t('manager.program.reportLink')}
          </Link>
          <Link className="button button-secondary" to="/programs">
            {t('manager.program.allPrograms')}
          </Link>
        </>
      }
    >
      <dl className="card manager-facts">
        <dt>{t('manager.program.datesLabel')}</dt>
        <dd>
          {t('manager.program.dates', { from: format.day(program.startsOn), to: format.day(program.endsOn) })}
        </dd>
        <dt>{t('manager.program.economies')}</dt>
        <dd>{program.economies.map((code) => economyName.get(code) ?? code).join(', ')}</dd>
        <dt>{t('manager.program.created')}</dt>
        <dd>{format.dateTime(program.createdAt)}</dd>
      </dl>

      <ProgramWeights program={program} />

      <section aria-labelledby="cohort">
        <h2 id="cohort">{t('manager.cohort.title')}</h2>
        <p>
          {t('manager.program.cohortCounts', {
            organizations: format.number(program.cohort.organizations),
            mentors: format.number(program.cohort.mentors),
          })}
        </p>
        <ErrorNotice error={mix.error} onRetry={() => refetchMix({ requestPolicy: 'network-only' })} />
        {report && report.totals.organizations != null ? (
          <div className="grid-2">
            <BarChart
              title={t('manager.cohort.byWomenLed')}
              max={report.totals.organizations}
              bars={report.byWomenLed.map((cell) => ({
                key: cell.key,
                label: t(`manager.womenLedKeys.${cell.key === 'women-led' ? 'yes' : 'no'}`),
                value: cell.suppressed ? null : cell.organizations,
                display: format.number(cell.organizations ?? 0),
                note: hidden,
              }))}
            />
            <BarChart
              title={t('manager.cohort.byLocality')}
              max={report.totals.organizations}
              bars={inOrder(report.byLocality, LOCALITIES).map((cell) => ({
                key: cell.key,
                label: t(`domain.localities.${cell.key}`),
                value: cell.suppressed ? null : cell.organizations,
                display: format.number(cell.organizations ?? 0),
                note: hidden,
              }))}
            />
          </div>
        ) : null}
        {editable.length > 0 ? (
          <CohortEditor
            programId={id}
            economies={editable}
            onChanged={() => {
              refetch({ requestPolicy: 'network-only' });
              refetchMix({ requestPolicy: 'network-only' });
            }}
          />
        ) : null}
      </section>

      <ProgramRounds rounds={program.rounds} />

      <RunRoundForm programId={id} />
    </Page>
  );
}

/** The most points each score component gives a pair, and whether they are the platform's. */
function ProgramWeights({ program }: { program: Program }) {
  const { t } = useTranslation();
  const format = useFormat();
  const total = WEIGHT_KEYS.reduce((sum, key) => sum + program.weights[key], 0);
  return (
    <section aria-labelledby="program-weights">
      <h2 id="program-weights">{t('manager.program.weightsTitle')}</h2>
      <p className="hint">
        {t(program.defaultWeights ? 'manager.program.defaultWeights' : 'manager.program.ownWeights')}
      </p>
      <div className="table-scroll">
        <table className="manager-weights">
          <caption className="visually-hidden">{t('manager.program.weightsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('manager.program.component')}</th>
              <th scope="col">{t('manager.program.maxPoints')}</th>
            </tr>
          </thead>
          <tbody>
            {WEIGHT_KEYS.map((key) => (
              <tr key={key}>
                <th scope="row">{t(`manager.weights.${key}`)}</th>
                <td>{format.number(program.weights[key])}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('manager.program.weightsTotal')}</th>
              <td>{format.number(total)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

/** The programme's matching rounds, newest first, each linking to its page. */
function ProgramRounds({ rounds }: { rounds: Program['rounds'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby="program-rounds">
      <h2 id="program-rounds">{t('manager.program.roundsTitle')}</h2>
      {rounds.length === 0 ? (
        <p>{t('manager.program.noRounds')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('manager.program.roundsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('manager.round.started')}</th>
                <th scope="col">{t('manager.run.algorithm')}</th>
                <th scope="col">{t('manager.round.status')}</th>
                <th scope="col">{t('manager.summary.pairs')}</th>
                <th scope="col">{t('manager.summary.totalScore')}</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((round) => {
                // Figures only for rounds computed and not failed.
                const summary =
                  round.status === 'PROPOSED' || round.status === 'PUBLISHED' ? round.summary : null;
                return (
                  <tr key={round.id}>
                    <th scope="row">
                      <Link to={`/rounds/${round.id}`}>{format.dateTime(round.createdAt)}</Link>
                    </th>
                    <td>{t(`manager.algorithms.${round.algorithm}`)}</td>
                    <td>
                      <RoundStatusBadge status={round.status} />
                    </td>
                    <td>{summary ? format.number(summary.pairs) : '—'}</td>
                    <td>{summary ? format.number(summary.totalScore) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
