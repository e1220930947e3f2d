import { serverAudits } from 'graphql-http';
import { startTestApp, type TestApp } from '@app/testing/test-app';
import { createApiApp } from '../../apps/api/src/bootstrap';

/** The GraphQL-over-HTTP conformance audit of the graphql-http package. */
describe(`GraphQL over HTTP audit (${process.env.TEST_MODE ?? 'embedded'})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(createApiApp);
  });
  afterAll(() => t?.close());

  it('passes every MUST audit', async () => {
    const results = await Promise.all(
      serverAudits({ url: () => `${t.url}/graphql`, fetchFn: fetch }).map(async (audit) => ({
        name: audit.name,
        result: await audit.fn(),
      })),
    );
    const failures = results
      .filter((r) => r.name.startsWith('MUST') && r.result.status !== 'ok')
      .map((r) => `${r.name}: ${r.result.status === 'ok' ? '' : r.result.reason}`);
    const report = results.map((r) => `${r.result.status.padEnd(7)} ${r.name}`).join('\n');
    if (process.env.AUDIT_REPORT) process.stdout.write(`${report}\n`);
    expect(failures).toEqual([]);
  });
});
