import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../../auth/require-role';
import { ComparePage } from './compare-page';
import { ProgramPage } from './program-page';
import { ProgramsPage } from './programs-page';
import { ReportPage } from './report-page';
import { RoundPage } from './round-page';

const managers = (page: ReactNode) => <RequireRole roles={['PROGRAM_MANAGER', 'ADMIN']}>{page}</RequireRole>;

/** This area's pages, mounted inside the signed-in layout by app.tsx. */
export const routes: RouteObject[] = [
  { path: '/programs', element: managers(<ProgramsPage />) },
  { path: '/programs/:id', element: managers(<ProgramPage />) },
  { path: '/programs/:id/compare', element: managers(<ComparePage />) },
  { path: '/programs/:id/report', element: managers(<ReportPage />) },
  { path: '/rounds/:id', element: managers(<RoundPage />) },
];
