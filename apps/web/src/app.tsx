import { useState } from 'react';
import { createBrowserRouter, createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { RequireRole } from './auth/require-role';
import { SessionProvider } from './auth/session';
import { Layout } from './components/layout';
import { HomePage } from './pages/home-page';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import { NotificationsPage } from './pages/notifications-page';
import { SignupPage } from './pages/signup-page';
import { routes as adminRoutes } from './pages/admin/routes';
import { routes as managerRoutes } from './pages/manager/routes';
import { routes as mentorRoutes } from './pages/mentor/routes';
import { routes as ownerRoutes } from './pages/owner/routes';

export const appRoutes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/signup', element: <SignupPage /> },
      {
        path: '/',
        element: (
          <RequireRole>
            <HomePage />
          </RequireRole>
        ),
      },
      {
        path: '/notifications',
        element: (
          <RequireRole>
            <NotificationsPage />
          </RequireRole>
        ),
      },
      ...ownerRoutes,
      ...mentorRoutes,
      ...managerRoutes,
      ...adminRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function App() {
  const [router] = useState(() => createBrowserRouter(appRoutes));
  return (
    <SessionProvider>
      <RouterProvider router={router} />
    </SessionProvider>
  );
}

/** The app at `path`, in memory: for component tests. */
export function TestApp({ path, url }: { path: string; url?: string }) {
  const [router] = useState(() => createMemoryRouter(appRoutes, { initialEntries: [path] }));
  return (
    <SessionProvider url={url}>
      <RouterProvider router={router} />
    </SessionProvider>
  );
}
