import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../../auth/require-role';
import { lazyPage } from '../../components/lazy-page';

const ComparePage = lazyPage(() => import('./compare-page'), 'ComparePage');
const ProgramPage = lazyPage(() => import('./program-page'), 'ProgramPage');
const ProgramsPage = lazyPage(() => import('./programs-page'), 'ProgramsPage');
const ReportPage = lazyPage(() => import('./report-page'), 'ReportPage');
const RoundPage = lazyPage(() => import('./round-page'), 'RoundPage');

const managers = (page: ReactNode) => <RequireRole roles={['PROGRAM_MANAGER', 'ADMIN']}>{page}</RequireRole>;

/** This area's pages, mounted inside the signed-in layout by app.tsx. */
export const routes: RouteObject[] = [
  { path: '/programs', element: managers(<ProgramsPage />) },
  { path: '/programs/:id', element: managers(<ProgramPage />) },
  { path: '/programs/:id/compare', element: managers(<ComparePage />) },
  { path: '/programs/:id/report', element: managers(<ReportPage />) },
  { path: '/rounds/:id', element: managers(<RoundPage />) },
];
