import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

describe('top-k.wasm', () => {
  it('is what asc builds from assembly/top-k.ts (run npm run build:wasm after editing it)', () => {
    // asc's API is ES-module only, so it runs in its own process; the build is byte-reproducible.
    const script = join(__dirname, '..', '..', '..', 'assembly', 'build.mjs');
    const out = execFileSync(process.execPath, [script, '--check'], { encoding: 'utf8', stdio: 'pipe' });
    expect(out).toMatch(/is up to date/);
  });
});
