import type { RouteObject } from 'react-router';

/** This area's pages, mounted inside the signed-in layout by app.tsx. */
export const routes: RouteObject[] = [];
