import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromiumPath } from '../browser/chromium-path';
import requireServices from './require-services';

/** What the browser tests miss of Chromium, with how to get it; empty when it is there. */
export function missingChromium(): string[] {
  return existsSync(chromiumPath())
    ? []
    : [
        `Chromium is not at ${chromiumPath()} (install Debian's: apt-get install -y chromium, or set CHROMIUM_PATH)`,
      ];
}

/**
 * Browser tests drive Debian's Chromium (no browser download) against the built app. `npm test`
 * checks Chromium before its first tier (tests/setup/pretest.ts); this guards the tier run on
 * its own: fail in seconds, saying what is missing, rather than test by test.
 */
export default async function requireBrowser(): Promise<void> {
  // The queue dashboard's test runs on PostgreSQL and Redis.
  await requireServices();
  const missing = missingChromium();
  if (!existsSync(resolve(__dirname, '../../dist/web/index.html')))
    missing.push('The browser app is not built (npm run build:web)');
  if (missing.length > 0) throw new Error(`Browser tests need:\n  - ${missing.join('\n  - ')}`);
}
