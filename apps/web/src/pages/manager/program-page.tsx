import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useSession } from '../../auth/session';
import { BarChart } from '../../components/bar-chart';
import { ErrorNotice } from '../../components/error-notice';
import { Loading, Page } from '../../components/page';
import { graphql } from '../../graphql';
import { CohortEditor } from './cohort-editor';
import { useFormat } from './format';
import { inOrder, LOCALITIES } from './report-page';
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

/** A programme: its dates, economies and cohort, and the form that runs a matching round. */
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

      <section aria-labelledby="cohort">
        <h2 id="cohort">{t('manager.cohort.title')}</h2>
        <p>
          {t('manager.program.cohortCounts', {
            organizations: format.number(program.cohort.organizations),
            mentors: format.number(program.cohort.mentors),
          })}
        </p>
        <ErrorNotice error={mix.error} onRetry={() => refetchMix({ requestPolicy: 'network-only' })} />
        {report && report.totals.organizations > 0 ? (
          <div className="grid-2">
            <BarChart
              title={t('manager.cohort.byWomenLed')}
              max={report.totals.organizations}
              bars={report.byWomenLed.map((cell) => ({
                key: cell.key,
                label: t(`manager.womenLedKeys.${cell.key === 'women-led' ? 'yes' : 'no'}`),
                value: cell.suppressed ? null : cell.organizations,
                display: format.number(cell.organizations),
                note: hidden,
              }))}
            />
            <BarChart
              title={t('manager.cohort.byLocality')}
              max={report.totals.organizations}
              bars={inOrder(report.byLocality, LOCALITIES).map((cell) => ({
                key: cell.key,
                label: t(`manager.localities.${cell.key}`),
                value: cell.suppressed ? null : cell.organizations,
                display: format.number(cell.organizations),
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

      <RunRoundForm programId={id} />
    </Page>
  );
}
