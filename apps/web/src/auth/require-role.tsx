import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { Loading, Page } from '../components/page';
import { type Role, useSession } from './session';

/** Signed-in users with one of `roles` (any role when omitted); others go to log in. */
export function RequireRole({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const { user, loading, hasRole } = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (loading) return <Loading />;
  if (!user)
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (roles && !hasRole(...roles)) {
    return (
      <Page title={t('common.errors.title')}>
        <p>{t('common.errors.FORBIDDEN')}</p>
      </Page>
    );
  }
  return <>{children}</>;
}
