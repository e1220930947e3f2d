import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { errorCode, errorDetail } from '../api/errors';

/**
 * What went wrong, in the user's language, for every error code the API returns; the server's
 * own wording follows as detail where it adds something (which field, which limit).
 */
export function ErrorNotice({
  error,
  onRetry,
}: {
  error: CombinedError | null | undefined;
  onRetry?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const code = errorCode(error);
  if (!code) return null;
  const key = `common.errors.${code}`;
  const message = i18n.exists(key) ? t(key) : t('common.errors.INTERNAL_SERVER_ERROR');
  const detail = errorDetail(error);
  const showDetail = detail && ['BAD_USER_INPUT', 'CONFLICT', 'NOT_ELIGIBLE'].includes(code);
  return (
    <div className="notice notice-error" role="alert" data-error-code={code}>
      <p>{message}</p>
      {showDetail ? <p className="notice-detail">{t('common.errors.detail', { detail })}</p> : null}
      {onRetry ? (
        <button type="button" className="button-secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}
