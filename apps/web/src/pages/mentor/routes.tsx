import type { RouteObject } from 'react-router';
import { RequireRole } from '../../auth/require-role';
import { MentorProfilePage } from './mentor-profile-page';
import { RequestPage } from './request-page';
import { RequestsPage } from './requests-page';

/** This area's pages, mounted inside the signed-in layout by app.tsx. */
export const routes: RouteObject[] = [
  {
    path: '/mentor/profile',
    element: (
      <RequireRole roles={['MENTOR']}>
        <MentorProfilePage />
      </RequireRole>
    ),
  },
  {
    path: '/requests',
    element: (
      <RequireRole roles={['MSME_OWNER', 'MENTOR', 'PROGRAM_MANAGER', 'ADMIN']}>
        <RequestsPage />
      </RequireRole>
    ),
  },
  {
    path: '/requests/:id',
    element: (
      <RequireRole roles={['MSME_OWNER', 'MENTOR', 'PROGRAM_MANAGER', 'ADMIN']}>
        <RequestPage />
      </RequireRole>
    ),
  },
];
