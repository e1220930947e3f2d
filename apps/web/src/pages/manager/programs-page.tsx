import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../components/error-notice';
import { Loading, Page } from '../../components/page';
import { graphql } from '../../graphql';
import { CreateProgramForm } from './create-program-form';
import { useFormat } from './format';

export const PROGRAMS = graphql(`
  query ManagerPrograms {
    programs {
      id
      name
      economies
      startsOn
      endsOn
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

/** The programmes the manager can see, and a form to create one. */
export function ProgramsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  // An empty list carries no Program type: name it so a created programme refetches the list.
  const context = useMemo(() => ({ additionalTypenames: ['Program'] }), []);
  const [{ data, fetching, error }, refetch] = useQuery({ query: PROGRAMS, context });
  const economyName = new Map(data?.economies.map((e) => [e.code, e.name]));
  return (
    <Page title={t('manager.programs.title')}>
      <p className="lead">{t('manager.programs.intro')}</p>
      <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {fetching && !data ? <Loading /> : null}
      {data && data.programs.length === 0 ? <p>{t('manager.programs.empty')}</p> : null}
      {data && data.programs.length > 0 ? (
        <ul className="cards" aria-label={t('manager.programs.listLabel')}>
          {data.programs.map((p) => (
            <li key={p.id} className="card">
              <h2>
                <Link to={`/programs/${p.id}`}>{p.name}</Link>
              </h2>
              <p className="meta">
                {t('manager.program.dates', { from: format.day(p.startsOn), to: format.day(p.endsOn) })}
              </p>
              <p>{p.economies.map((code) => economyName.get(code) ?? code).join(', ')}</p>
              <p>
                {t('manager.program.cohortCounts', {
                  organizations: format.number(p.cohort.organizations),
                  mentors: format.number(p.cohort.mentors),
                })}
              </p>
              <div className="actions">
                <Link to={`/programs/${p.id}/report`}>
                  {t('manager.programs.reportLink', { name: p.name })}
                </Link>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <CreateProgramForm economies={data?.economies ?? []} />
    </Page>
  );
}
