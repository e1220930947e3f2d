import { lazy, type ComponentType } from 'react';

/**
 * A page loaded with its area on first visit: the login page and the shell download alone, and
 * each role fetches only the pages it opens (a slow connection in a local town feels this).
 */
export function lazyPage<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}
