import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { setupI18n } from '../i18n';

/** Keys no language has: collected per test, and a test that used one fails. */
export const missingKeys: string[] = [];

setupI18n({ language: 'en', onMissingKey: (key) => missingKeys.push(key) });

// Pages load lazily; on a busy CI machine (2 cores, other suites beside) the first render of one
// takes over the 1 s that findBy* waits by default, and tests failed at random.
configure({ asyncUtilTimeout: 5000 });

beforeEach(() => {
  missingKeys.length = 0;
  localStorage.clear();
  sessionStorage.clear();
});

afterEach(() => {
  cleanup();
  if (missingKeys.length > 0) throw new Error(`Missing translations: ${missingKeys.join(', ')}`);
});
