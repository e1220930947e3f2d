import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../components/error-notice';
import { SelectField } from '../../components/fields';
import { Loading, Page } from '../../components/page';
import { graphql, type VariablesOf } from '../../graphql';
import { formatDate } from './format';
import { MentorshipStatusBadge } from './mentorship/status-badge';
import './owner.css';

const MY_MENTORSHIPS = graphql(`
  query MyMentorships($filter: MentorshipFilterInput, $after: String) {
    mentorships(filter: $filter, first: 20, after: $after) {
      totalCount
      nodes {
        id
        status
        startedAt
        endedAt
        mentor {
          id
          displayName
        }
        organization {
          id
          name
        }
        goals {
          id
          status
        }
        sessions {
          id
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

type Status = NonNullable<NonNullable<VariablesOf<typeof MY_MENTORSHIPS>['filter']>['status']>;
const STATUSES: Status[] = ['ACTIVE', 'COMPLETED', 'ENDED'];
const CONTEXT = { additionalTypenames: ['Mentorship'] };

/** The mentorships the user takes part in (or, for managers, oversees), newest first. */
export function MentorshipsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status | ''>('');
  // Each "load more" adds a page with the cursor the previous page ended on.
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  return (
    <Page title={t('owner.mentorships.title')}>
      <p className="lead">{t('owner.mentorships.intro')}</p>
      <div className="filters">
        <SelectField
          label={t('owner.mentorships.status')}
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as Status | '');
            setCursors([null]);
          }}
          options={[
            { value: '', label: t('owner.mentorships.allStatuses') },
            ...STATUSES.map((s) => ({ value: s, label: t(`owner.mentorshipStatus.${s}`) })),
          ]}
        />
      </div>
      {cursors.map((after, i) => (
        <MentorshipsChunk
          key={`${status}-${after ?? 'first'}`}
          status={status}
          after={after}
          first={i === 0}
          onMore={i === cursors.length - 1 ? (cursor) => setCursors((all) => [...all, cursor]) : undefined}
        />
      ))}
    </Page>
  );
}

function MentorshipsChunk({
  status,
  after,
  first,
  onMore,
}: {
  status: Status | '';
  after: string | null;
  first: boolean;
  onMore?: (cursor: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MY_MENTORSHIPS,
    variables: { filter: status ? { status } : null, after },
    context: CONTEXT,
  });
  const page = data?.mentorships;
  const cursor = page?.pageInfo.endCursor;
  return (
    <>
      <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {fetching && !data ? <Loading /> : null}
      {first && page ? (
        <p className="meta" role="status">
          {page.totalCount === 0
            ? t('owner.mentorships.empty')
            : t('owner.mentorships.count', { count: page.totalCount })}
        </p>
      ) : null}
      {page && page.nodes.length > 0 ? (
        <ul className="cards">
          {page.nodes.map((m) => {
            const achieved = m.goals.filter((g) => g.status === 'ACHIEVED').length;
            return (
              <li key={m.id} className="card">
                <h2>
                  <Link to={`/mentorships/${m.id}`}>
                    {t('owner.mentorships.pair', {
                      organization: m.organization?.name ?? t('owner.mentorship.deletedOrganization'),
                      mentor: m.mentor.displayName,
                    })}
                  </Link>
                </h2>
                <p>
                  <MentorshipStatusBadge status={m.status} />
                </p>
                <p className="meta">
                  {m.endedAt
                    ? t('owner.mentorships.ran', {
                        from: formatDate(i18n.language, m.startedAt),
                        to: formatDate(i18n.language, m.endedAt),
                      })
                    : t('owner.mentorships.since', { date: formatDate(i18n.language, m.startedAt) })}
                </p>
                <p>
                  {t('owner.mentorships.progress', {
                    achieved,
                    goals: m.goals.length,
                    sessions: m.sessions.length,
                  })}
                </p>
              </li>
            );
          })}
        </ul>
      ) : null}
      {onMore && page?.pageInfo.hasNextPage && cursor ? (
        <button type="button" className="button-secondary" onClick={() => onMore(cursor)}>
          {t('common.more')}
        </button>
      ) : null}
    </>
  );
}
