import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { useSession, type Role } from '../auth/session';
import { graphql } from '../graphql';
import { LANGUAGES, changeLanguage, type LanguageCode } from '../i18n';
import { Loading } from './page';

export const UNREAD = graphql(`
  query UnreadNotifications {
    notifications(unreadOnly: true, first: 1) {
      totalCount
    }
  }
`);

interface NavItem {
  to: string;
  label: string;
  roles: Role[];
}

/** Header with the navigation of the signed-in user's roles, the language, and the page. */
export function Layout() {
  const { t, i18n } = useTranslation();
  const { user, signOut } = useSession();
  const navigate = useNavigate();
  const [menuOpen, setMenuOpen] = useState(false);
  const [{ data: unread }] = useQuery({ query: UNREAD, pause: !user, requestPolicy: 'cache-and-network' });
  const items: NavItem[] = [
    { to: '/organizations', label: t('common.nav.organizations'), roles: ['MSME_OWNER'] },
    { to: '/mentor/profile', label: t('common.nav.mentorProfile'), roles: ['MENTOR'] },
    {
      to: '/requests',
      label: t('common.nav.requests'),
      roles: ['MSME_OWNER', 'MENTOR', 'PROGRAM_MANAGER', 'ADMIN'],
    },
    {
      to: '/mentorships',
      label: t('common.nav.mentorships'),
      roles: ['MSME_OWNER', 'MENTOR', 'PROGRAM_MANAGER', 'ADMIN'],
    },
    { to: '/programs', label: t('common.nav.programs'), roles: ['PROGRAM_MANAGER', 'ADMIN'] },
    { to: '/admin/users', label: t('common.nav.users'), roles: ['ADMIN'] },
    { to: '/admin/outbox', label: t('common.nav.outbox'), roles: ['ADMIN'] },
  ];
  const visible = user ? items.filter((item) => item.roles.some((r) => user.roles.includes(r))) : [];
  const unreadCount = unread?.notifications.totalCount ?? 0;
  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="site-header">
        <NavLink to="/" className="brand">
          {t('common.appName')}
        </NavLink>
        {user ? (
          <button
            type="button"
            className="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="site-nav"
            onClick={() => setMenuOpen((open) => !open)}
          >
            {t('common.nav.menu')}
          </button>
        ) : null}
        <nav id="site-nav" aria-label={t('common.nav.label')} className={menuOpen ? 'open' : undefined}>
          {user ? (
            <ul onClick={() => setMenuOpen(false)}>
              {visible.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to}>{item.label}</NavLink>
                </li>
              ))}
              <li>
                <NavLink to="/notifications">
                  {unreadCount > 0
                    ? t('common.nav.notificationsUnread', { count: unreadCount })
                    : t('common.nav.notifications')}
                </NavLink>
              </li>
              <li>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    signOut();
                    void navigate('/login');
                  }}
                >
                  {t('common.nav.logout')}
                </button>
              </li>
            </ul>
          ) : null}
        </nav>
        <label className="language">
          <span className="visually-hidden">{t('common.language')}</span>
          <select
            value={i18n.language}
            onChange={(e) => void changeLanguage(e.target.value as LanguageCode)}
            aria-label={t('common.language')}
          >
            {LANGUAGES.map((l) => (
              <option key={l.code} value={l.code} lang={l.code}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
