import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../auth/session';
import { Page } from '../components/page';

/** Where each role starts: a sentence on what to do next and the way there. */
export function HomePage() {
  const { t } = useTranslation();
  const { user, hasRole } = useSession();
  const next: Array<[string, string]> = [];
  if (hasRole('MSME_OWNER')) next.push([t('common.home.ownerNext'), '/organizations']);
  if (hasRole('MENTOR')) next.push([t('common.home.mentorNext'), '/requests']);
  if (hasRole('PROGRAM_MANAGER')) next.push([t('common.home.managerNext'), '/programs']);
  if (hasRole('ADMIN')) next.push([t('common.home.adminNext'), '/admin/users']);
  return (
    <Page title={t('common.home.welcome', { name: user?.displayName ?? '' })}>
      <p className="lead">{t('common.home.intro')}</p>
      <p>
        {user?.roles.map((r) => (
          <span key={r} className="badge">
            {t(`common.roles.${r}`)}
          </span>
        ))}
      </p>
      <ul className="next-steps">
        {next.map(([text, to]) => (
          <li key={to}>
            <p>{text}</p>
            <Link className="button" to={to}>
              {t('common.home.start')}
            </Link>
          </li>
        ))}
      </ul>
    </Page>
  );
}
