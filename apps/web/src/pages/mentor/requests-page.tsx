import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../components/error-notice';
import { FactsList } from '../../components/facts-list';
import { SelectField } from '../../components/fields';
import { Loading, Page } from '../../components/page';
import { graphql } from '../../graphql';
import { REQUEST_STATUSES, RequestStatusBadge, useFormat, type RequestStatus } from './shared';

export const MENTORSHIP_REQUESTS = graphql(`
  query MentorshipRequests($filter: MentorshipRequestFilterInput, $after: String) {
    mentorshipRequests(filter: $filter, first: 20, after: $after) {
      totalCount
      nodes {
        id
        status
        source
        createdAt
        decidedAt
        expiresAt
        goals
        organization {
          id
          name
          city
          economy {
            code
            name
          }
        }
        mentor {
          id
          displayName
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

interface Tail {
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

const isStatus = (s: string | null): s is RequestStatus => REQUEST_STATUSES.includes(s as RequestStatus);

/** The requests the user may see (owners theirs, mentors those addressed to them, …), by status. */
export function RequestsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = isStatus(raw) ? raw : null;
  return (
    <Page title={t('mentor.requests.title')}>
      <div className="form-row">
        <SelectField
          label={t('mentor.requests.statusFilter')}
          name="status"
          options={[
            { value: '', label: t('mentor.requests.allStatuses') },
            ...REQUEST_STATUSES.map((s) => ({ value: s, label: t(`mentor.statuses.${s}`) })),
          ]}
          value={status ?? ''}
          onChange={(e) => setParams(e.target.value ? { status: e.target.value } : {}, { replace: true })}
        />
      </div>
      {/* A new filter starts the list again from its first page. */}
      <RequestList key={status ?? 'all'} status={status} />
    </Page>
  );
}

function RequestList({ status }: { status: RequestStatus | null }) {
  const { t } = useTranslation();
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [tail, setTail] = useState<Tail | null>(null);
  const more =
    tail?.hasNextPage && tail.endCursor && !cursors.includes(tail.endCursor) ? tail.endCursor : null;
  return (
    <>
      {tail ? (
        <p role="status" className="meta">
          {tail.totalCount === 0
            ? t('mentor.requests.empty')
            : t('mentor.requests.count', { count: tail.totalCount })}
        </p>
      ) : null}
      <ul className="cards">
        {cursors.map((after, i) => (
          <RequestChunk
            key={after ?? 'first'}
            status={status}
            after={after}
            onTail={i === cursors.length - 1 ? setTail : undefined}
          />
        ))}
      </ul>
      {more ? (
        <button type="button" className="button-secondary" onClick={() => setCursors((c) => [...c, more])}>
          {t('common.more')}
        </button>
      ) : null}
    </>
  );
}

/** One page of the list: its own query, so a change to any request refreshes the page it is on. */
function RequestChunk({
  status,
  after,
  onTail,
}: {
  status: RequestStatus | null;
  after: string | null;
  onTail?: (tail: Tail) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MENTORSHIP_REQUESTS,
    variables: { filter: status ? { status } : null, after },
  });
  const connection = data?.mentorshipRequests;
  const totalCount = connection?.totalCount;
  const hasNextPage = connection?.pageInfo.hasNextPage;
  const endCursor = connection?.pageInfo.endCursor ?? null;
  useEffect(() => {
    if (onTail && totalCount !== undefined && hasNextPage !== undefined)
      onTail({ totalCount, hasNextPage, endCursor });
  }, [onTail, totalCount, hasNextPage, endCursor]);

  if (error)
    return (
      <li>
        <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      </li>
    );
  if (fetching && !data)
    return (
      <li>
        <Loading />
      </li>
    );
  return (
    <>
      {connection?.nodes.map((r) => {
        const organization = r.organization?.name ?? t('mentor.requests.organizationRemoved');
        return (
          <li key={r.id} className="card">
            <h2>
              <Link to={`/requests/${r.id}`}>{t('mentor.requests.cardTitle', { organization })}</Link>
            </h2>
            <p>
              <RequestStatusBadge status={r.status} />
              {r.source !== 'DIRECT' ? (
                <span className="badge">{t(`mentor.sources.${r.source}`)}</span>
              ) : null}
            </p>
            <FactsList
              facts={[
                {
                  label: t('mentor.requests.organization'),
                  value: r.organization
                    ? `${organization} (${[r.organization.city, r.organization.economy.name].filter(Boolean).join(', ')})`
                    : organization,
                },
                { label: t('mentor.requests.mentor'), value: r.mentor.displayName },
                {
                  label: t('mentor.requests.sent'),
                  value: <time dateTime={r.createdAt}>{format.date(r.createdAt)}</time>,
                },
                r.status === 'PENDING'
                  ? {
                      label: t('mentor.requests.expires'),
                      value: <time dateTime={r.expiresAt}>{format.date(r.expiresAt)}</time>,
                    }
                  : null,
                r.decidedAt
                  ? {
                      label: t('mentor.requests.decided'),
                      value: <time dateTime={r.decidedAt}>{format.date(r.decidedAt)}</time>,
                    }
                  : null,
              ]}
            />
            {r.goals.length > 0 ? (
              <>
                <h3>{t('mentor.requests.goals')}</h3>
                <ul>
                  {r.goals.map((g, i) => (
                    <li key={i}>{g}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </li>
        );
      })}
    </>
  );
}
