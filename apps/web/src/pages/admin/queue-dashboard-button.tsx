import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice } from '../../components/error-notice';
import { graphql } from '../../graphql';

export const QUEUE_DASHBOARD_AVAILABLE = graphql(`
  query QueueDashboardAvailable {
    queueDashboardAvailable
  }
`);

export const OPEN_QUEUE_DASHBOARD = graphql(`
  mutation OpenQueueDashboard {
    openQueueDashboard {
      url
    }
  }
`);

/**
 * Opens Bull Board, which the API mounts at /admin/queues in services mode. A browser does not
 * send the bearer token on a page load, so the API hands out a one-minute ticket first. Embedded
 * mode has no dashboard: the API says so beforehand, and the button is not offered.
 */
export function QueueDashboardButton({
  open = (url: string) => window.location.assign(url),
}: {
  open?: (url: string) => void;
}) {
  const { t } = useTranslation();
  const [available, refetch] = useQuery({ query: QUEUE_DASHBOARD_AVAILABLE });
  const [result, openDashboard] = useMutation(OPEN_QUEUE_DASHBOARD);
  if (available.error) {
    return <ErrorNotice error={available.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  }
  if (available.data?.queueDashboardAvailable === false) {
    return <p>{t('admin.outbox.queuesUnavailable')}</p>;
  }
  if (!available.data) return null;
  return (
    <>
      <ErrorNotice error={result.error} />
      <button
        type="button"
        className="button-secondary"
        disabled={result.fetching}
        onClick={() =>
          void openDashboard({}).then((response) => {
            if (response.data) open(response.data.openQueueDashboard.url);
          })
        }
      >
        {t('admin.outbox.queues')}
      </button>
    </>
  );
}
