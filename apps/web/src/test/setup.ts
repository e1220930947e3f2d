import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { setupI18n } from '../i18n';

/** Keys no language has: collected per test, and a test that used one fails. */
export const missingKeys: string[] = [];

setupI18n({ language: 'en', onMissingKey: (key) => missingKeys.push(key) });

beforeEach(() => {
  missingKeys.length = 0;
  localStorage.clear();
  sessionStorage.clear();
});

afterEach(() => {
  cleanup();
  if (missingKeys.length > 0) throw new Error(`Missing translations: ${missingKeys.join(', ')}`);
});
