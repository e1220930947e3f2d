import type { RouteObject } from 'react-router';
import { RequireRole } from '../../auth/require-role';
import { lazyPage } from '../../components/lazy-page';

const OutboxPage = lazyPage(() => import('./outbox-page'), 'OutboxPage');
const UsersPage = lazyPage(() => import('./users-page'), 'UsersPage');

/** This area's pages, mounted inside the signed-in layout by app.tsx. */
export const routes: RouteObject[] = [
  {
    path: '/admin/users',
    element: (
      <RequireRole roles={['ADMIN']}>
        <UsersPage />
      </RequireRole>
    ),
  },
  {
    path: '/admin/outbox',
    element: (
      <RequireRole roles={['ADMIN']}>
        <OutboxPage />
      </RequireRole>
    ),
  },
];
