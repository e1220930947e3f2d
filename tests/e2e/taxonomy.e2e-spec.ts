import { startTestApp, type TestApp } from '@app/testing/test-app';
// Tests boot the real app; the lint rule keeps libs from importing apps.
import { createApiApp } from '../../apps/api/src/bootstrap';

interface Section {
  code: string;
  title: string;
  divisions: Array<{ code: string; title: string; section: { code: string } }>;
}

describe(`taxonomy (${process.env.TEST_MODE ?? 'embedded'})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(createApiApp);
  }, 60_000);
  afterAll(() => t?.close());

  it("lists the 21 APEC economies by APEC's names, to anonymous callers", async () => {
    const { economies } = await t.client.data<{ economies: Array<{ code: string; name: string }> }>(
      `{ economies { code name } }`,
    );
    expect(economies).toHaveLength(21);
    expect(new Set(economies.map((e) => e.code)).size).toBe(21);
    expect(economies).toEqual(
      expect.arrayContaining([
        { code: 'TW', name: 'Chinese Taipei' },
        { code: 'HK', name: 'Hong Kong, China' },
        { code: 'VN', name: 'Viet Nam' },
        { code: 'CN', name: "People's Republic of China" },
        { code: 'KR', name: 'Republic of Korea' },
        { code: 'TH', name: 'Thailand' },
      ]),
    );
    expect(economies.every((e) => /^[A-Z]{2}$/.test(e.code))).toBe(true);
  });

  it('lists the 21 ISIC sections A-U with 88 divisions, each pointing back to its section', async () => {
    const { sectors } = await t.client.data<{ sectors: Section[] }>(
      `{ sectors { code title divisions { code title section { code } } } }`,
    );
    expect(sectors.map((s) => s.code)).toEqual('ABCDEFGHIJKLMNOPQRSTU'.split(''));
    const divisions = sectors.flatMap((s) => s.divisions);
    expect(divisions).toHaveLength(88);
    expect(new Set(divisions.map((d) => d.code)).size).toBe(88);
    for (const section of sectors) {
      expect(section.title).not.toBe('');
      expect(section.divisions.length).toBeGreaterThan(0);
      for (const division of section.divisions) {
        expect(division.code).toMatch(/^\d{2}$/);
        expect(division.section.code).toBe(section.code);
      }
    }
    const manufacturing = sectors.find((s) => s.code === 'C');
    expect(manufacturing?.title).toBe('Manufacturing');
    expect(manufacturing?.divisions.find((d) => d.code === '10')?.title).toBe('Manufacture of food products');
    expect(sectors.find((s) => s.code === 'A')?.divisions.map((d) => d.code)).toEqual(['01', '02', '03']);
  });

  it('lists the languages of the region', async () => {
    const { languages } = await t.client.data<{ languages: Array<{ code: string; name: string }> }>(
      `{ languages { code name } }`,
    );
    const codes = languages.map((l) => l.code);
    for (const code of ['th', 'id', 'vi', 'zh', 'ms', 'tl', 'es', 'ru', 'ja', 'ko', 'en'])
      expect(codes).toContain(code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(languages).toEqual(
      expect.arrayContaining([
        { code: 'th', name: 'Thai' },
        { code: 'vi', name: 'Vietnamese' },
        { code: 'tl', name: 'Tagalog' },
      ]),
    );
  });

  it('lists the expertise topics with labels', async () => {
    const { expertiseTopics } = await t.client.data<{
      expertiseTopics: Array<{ code: string; label: string }>;
    }>(`{ expertiseTopics { code label } }`);
    expect(expertiseTopics).toEqual(
      expect.arrayContaining([
        { code: 'EXPORT', label: 'Export and internationalisation' },
        { code: 'E_COMMERCE', label: 'E-commerce' },
      ]),
    );
    expect(expertiseTopics.every((topic) => topic.label.length > 0)).toBe(true);
    expect(new Set(expertiseTopics.map((topic) => topic.code)).size).toBe(expertiseTopics.length);
  });

  it('answers all four in one anonymous request', async () => {
    const res = await t.client.request(
      `{ economies { code } sectors { code } languages { code } expertiseTopics { code } }`,
    );
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(Object.keys(res.data ?? {}).sort()).toEqual([
      'economies',
      'expertiseTopics',
      'languages',
      'sectors',
    ]);
  });
});
