import type { RouteObject } from 'react-router';
import { RequireRole } from '../../auth/require-role';
import { lazyPage } from '../../components/lazy-page';

const MentorProfilePage = lazyPage(() => import('./mentor-profile-page'), 'MentorProfilePage');
const RequestPage = lazyPage(() => import('./request-page'), 'RequestPage');
const RequestsPage = lazyPage(() => import('./requests-page'), 'RequestsPage');

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
