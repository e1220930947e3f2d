import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { TableStatusBody } from '../../components/table-status';
import { CheckboxField } from '../../components/fields';
import { Page } from '../../components/page';
import { graphql, type ResultOf } from '../../graphql';
import { QueueDashboardButton } from './queue-dashboard-button';

export const EMAIL_OUTBOX = graphql(`
  query EmailOutbox($unsentOnly: Boolean!, $after: String) {
    emailOutbox(unsentOnly: $unsentOnly, first: 20, after: $after) {
      totalCount
      nodes {
        id
        toAddress
        subject
        body
        template
        attempts
        lastError
        createdAt
        sentAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

type Email = ResultOf<typeof EMAIL_OUTBOX>['emailOutbox']['nodes'][number];

interface Tail {
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

const COLUMNS = 6;

/** Admins: the e-mails Mentorlink has written, newest first; without SMTP_URL they stay here. */
export function OutboxPage() {
  const { t } = useTranslation();
  const [unsentOnly, setUnsentOnly] = useState(false);
  return (
    <Page title={t('admin.outbox.title')}>
      <p className="lead">{t('admin.outbox.intro')}</p>
      <section className="notice" aria-labelledby="queues-title">
        <h2 id="queues-title">{t('admin.outbox.queuesTitle')}</h2>
        <p>{t('admin.outbox.queuesNote')}</p>
        <QueueDashboardButton />
      </section>
      <CheckboxField
        label={t('admin.outbox.unsentOnly')}
        checked={unsentOnly}
        onChange={(e) => setUnsentOnly(e.target.checked)}
      />
      <OutboxTable key={String(unsentOnly)} unsentOnly={unsentOnly} />
    </Page>
  );
}

function OutboxTable({ unsentOnly }: { unsentOnly: boolean }) {
  const { t } = useTranslation();
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [tail, setTail] = useState<Tail | null>(null);
  const more =
    tail?.hasNextPage && tail.endCursor && !cursors.includes(tail.endCursor) ? tail.endCursor : null;
  return (
    <>
      {tail ? (
        <p className="meta" role="status">
          {tail.totalCount === 0
            ? t('admin.outbox.empty')
            : t('admin.outbox.count', { count: tail.totalCount })}
        </p>
      ) : null}
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{t('admin.outbox.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.outbox.recipient')}</th>
              <th scope="col">{t('admin.outbox.subject')}</th>
              <th scope="col">{t('admin.outbox.status')}</th>
              <th scope="col">{t('admin.outbox.attempts')}</th>
              <th scope="col">{t('admin.outbox.written')}</th>
              <th scope="col">{t('admin.outbox.sentAt')}</th>
            </tr>
          </thead>
          {cursors.map((after, i) => (
            <OutboxChunk
              key={after ?? 'first'}
              unsentOnly={unsentOnly}
              after={after}
              onTail={i === cursors.length - 1 ? setTail : undefined}
            />
          ))}
        </table>
      </div>
      {more ? (
        <p>
          <button type="button" className="button-secondary" onClick={() => setCursors((c) => [...c, more])}>
            {t('common.more')}
          </button>
        </p>
      ) : null}
    </>
  );
}

function OutboxChunk({
  unsentOnly,
  after,
  onTail,
}: {
  unsentOnly: boolean;
  after: string | null;
  onTail?: (tail: Tail) => void;
}) {
  const { t, i18n } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: EMAIL_OUTBOX,
    variables: { unsentOnly, after },
  });
  const totalCount = data?.emailOutbox.totalCount;
  const hasNextPage = data?.emailOutbox.pageInfo.hasNextPage;
  const endCursor = data?.emailOutbox.pageInfo.endCursor ?? null;
  useEffect(() => {
    if (onTail && totalCount !== undefined && hasNextPage !== undefined)
      onTail({ totalCount, hasNextPage, endCursor });
  }, [onTail, totalCount, hasNextPage, endCursor]);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const when = (iso: string | null) =>
    iso ? <time dateTime={iso}>{date.format(new Date(iso))}</time> : <span className="meta">—</span>;
  if (error || (fetching && !data))
    return (
      <TableStatusBody
        columns={COLUMNS}
        error={error}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      />
    );
  return (
    <tbody>
      {data?.emailOutbox.nodes.map((e) => (
        <tr key={e.id}>
          <td>{e.toAddress}</td>
          <td>
            <span lang="en">{e.subject}</span>
            <details>
              <summary>{t('admin.outbox.showBody')}</summary>
              <p className="meta">
                {i18n.exists(`common.notifications.kinds.${e.template}`)
                  ? t(`common.notifications.kinds.${e.template}`)
                  : e.template}
              </p>
              <pre lang="en" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {e.body}
              </pre>
            </details>
          </td>
          <td>
            <EmailStatus email={e} />
          </td>
          <td>{e.attempts}</td>
          <td>{when(e.createdAt)}</td>
          <td>{when(e.sentAt)}</td>
        </tr>
      ))}
    </tbody>
  );
}

function EmailStatus({ email }: { email: Email }) {
  const { t } = useTranslation();
  if (email.sentAt) return <span className="badge badge-ok">{t('admin.outbox.statuses.sent')}</span>;
  if (email.lastError)
    return (
      <>
        <span className="badge badge-danger">{t('admin.outbox.statuses.failing')}</span>
        <p className="meta">
          {t('admin.outbox.lastError')}: <span lang="en">{email.lastError}</span>
        </p>
      </>
    );
  return <span className="badge badge-warn">{t('admin.outbox.statuses.waiting')}</span>;
}
