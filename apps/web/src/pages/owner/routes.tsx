import type { RouteObject } from 'react-router';
import { RequireRole } from '../../auth/require-role';
import { lazyPage } from '../../components/lazy-page';

const MentorshipPage = lazyPage(() => import('./mentorship/mentorship-page'), 'MentorshipPage');
const MentorshipsPage = lazyPage(() => import('./mentorships-page'), 'MentorshipsPage');
const EditOrganizationPage = lazyPage(() => import('./organization-form-page'), 'EditOrganizationPage');
const NewOrganizationPage = lazyPage(() => import('./organization-form-page'), 'NewOrganizationPage');
const OrganizationPage = lazyPage(() => import('./organization-page'), 'OrganizationPage');
const OrganizationsPage = lazyPage(() => import('./organizations-page'), 'OrganizationsPage');

/** Who may look at and change an organisation: its owner, its economy's managers, admins. */
const ORGANIZATION_ROLES = ['MSME_OWNER', 'PROGRAM_MANAGER', 'ADMIN'] as const;
/** Both parties of a mentorship, and those who oversee it. */
const MENTORSHIP_ROLES = ['MSME_OWNER', 'MENTOR', 'PROGRAM_MANAGER', 'ADMIN'] as const;

/** This area's pages, mounted inside the signed-in layout by app.tsx. */
export const routes: RouteObject[] = [
  {
    path: '/organizations',
    element: (
      <RequireRole roles={['MSME_OWNER']}>
        <OrganizationsPage />
      </RequireRole>
    ),
  },
  {
    path: '/organizations/new',
    element: (
      <RequireRole roles={['MSME_OWNER']}>
        <NewOrganizationPage />
      </RequireRole>
    ),
  },
  {
    path: '/organizations/:id',
    element: (
      <RequireRole roles={[...ORGANIZATION_ROLES]}>
        <OrganizationPage />
      </RequireRole>
    ),
  },
  {
    path: '/organizations/:id/edit',
    element: (
      <RequireRole roles={[...ORGANIZATION_ROLES]}>
        <EditOrganizationPage />
      </RequireRole>
    ),
  },
  {
    path: '/mentorships',
    element: (
      <RequireRole roles={[...MENTORSHIP_ROLES]}>
        <MentorshipsPage />
      </RequireRole>
    ),
  },
  {
    path: '/mentorships/:id',
    element: (
      <RequireRole roles={[...MENTORSHIP_ROLES]}>
        <MentorshipPage />
      </RequireRole>
    ),
  },
];
