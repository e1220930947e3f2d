import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { setupI18n } from '../i18n';

/** Keys no language has: collected per test, and a test that used one fails. */
export const missingKeys: string[] = [];

setupI18n({ language: 'en', onMissingKey: (key) => missingKeys.push(key) });

// findBy*/waitFor give up after this long: the default second is too short for a lazily loaded
// page on a busy two-core machine (CI shares it with the database and the other tiers).
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
