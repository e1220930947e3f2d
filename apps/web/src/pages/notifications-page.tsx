import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice } from '../components/error-notice';
import { CheckboxField } from '../components/fields';
import { Loading, Page } from '../components/page';
import { graphql } from '../graphql';

const NOTIFICATIONS = graphql(`
  query Notifications($unreadOnly: Boolean!, $after: String) {
    notifications(unreadOnly: $unreadOnly, first: 50, after: $after) {
      totalCount
      nodes {
        id
        kind
        createdAt
        readAt
        requestId
        mentorshipId
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const MARK_READ = graphql(`
  mutation MarkNotificationRead($id: ID!) {
    markNotificationRead(id: $id) {
      id
      readAt
    }
  }
`);

export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [{ data, fetching, error }, refetch] = useQuery({ query: NOTIFICATIONS, variables: { unreadOnly } });
  const [marking, markRead] = useMutation(MARK_READ);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Page title={t('common.notifications.title')}>
      <CheckboxField
        label={t('common.notifications.unreadOnly')}
        checked={unreadOnly}
        onChange={(e) => setUnreadOnly(e.target.checked)}
      />
      <ErrorNotice
        error={error ?? marking.error}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      />
      {fetching && !data ? <Loading /> : null}
      {data && data.notifications.nodes.length === 0 ? <p>{t('common.notifications.empty')}</p> : null}
      <ul className="cards">
        {data?.notifications.nodes.map((n) => {
          const link = n.mentorshipId
            ? `/mentorships/${n.mentorshipId}`
            : n.requestId
              ? `/requests/${n.requestId}`
              : null;
          return (
            <li key={n.id} className={`card${n.readAt ? '' : ' unread'}`}>
              <p>{t(`common.notifications.kinds.${n.kind}`)}</p>
              <p className="meta">
                <time dateTime={n.createdAt}>{date.format(new Date(n.createdAt))}</time>
              </p>
              <div className="actions">
                {link ? (
                  <Link
                    to={link}
                    onClick={() => {
                      if (!n.readAt) void markRead({ id: n.id });
                    }}
                  >
                    {t('common.notifications.open')}
                  </Link>
                ) : null}
                {n.readAt ? (
                  <span className="meta">{t('common.notifications.read')}</span>
                ) : (
                  <button
                    type="button"
                    className="button-secondary"
                    onClick={() => void markRead({ id: n.id })}
                  >
                    {t('common.notifications.markRead')}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </Page>
  );
}
