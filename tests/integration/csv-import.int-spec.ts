import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

import {
  CsvImportService,
  MENTOR_CSV_COLUMNS,
  ORGANIZATION_CSV_COLUMNS,
  type ImportResult,
} from '@app/import';
import { TEST_BACKENDS } from '@app/testing/test-data-sources';

type OrgColumn = (typeof ORGANIZATION_CSV_COLUMNS)[number];
type MentorColumn = (typeof MENTOR_CSV_COLUMNS)[number];

/** One CSV field, quoted when it holds a comma, quote or line break (RFC 4180). */
const field = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const csvLine = (values: readonly string[]): string => values.map(field).join(',');

function csv<C extends string>(columns: readonly C[], rows: Array<Partial<Record<C, string>>>): string {
  return (
    [csvLine(columns), ...rows.map((row) => csvLine(columns.map((c) => row[c] ?? '')))].join('\n') + '\n'
  );
}

const org = (overrides: Partial<Record<OrgColumn, string>> = {}): Partial<Record<OrgColumn, string>> => ({
  name: 'Alpha Coffee',
  kind: 'MSME',
  isic_division: '10',
  economy: 'TH',
  city: 'Chiang Mai',
  locality: 'SUB_REGIONAL',
  employees: '12',
  founded_year: '2012',
  women_ownership_percent: '60',
  woman_in_top_management: 'true',
  board_women_percent: '',
  youth_led: 'false',
  social_enterprise: 'false',
  cluster: '',
  needs: 'EXPORT;E_COMMERCE',
  target_economies: 'JP;SG',
  languages: 'th;en',
  description: 'Roasts coffee',
  owner_email: '',
  ...overrides,
});

const mentor = (
  overrides: Partial<Record<MentorColumn, string>> = {},
): Partial<Record<MentorColumn, string>> => ({
  email: 'mentor@test.example',
  display_name: 'Aiko Tanaka',
  headline: 'Export strategy for food SMEs',
  bio: 'Twenty years in food exports.',
  economy: 'JP',
  expertise_sectors: '10;G',
  expertise_topics: 'EXPORT;MARKETING',
  economies: 'JP;TH',
  languages: 'ja;en',
  capacity: '4',
  accepting_requests: 'true',
  years_of_experience: '20',
  gender: 'WOMAN',
  ...overrides,
});

const orgCsv = (rows: Array<Partial<Record<OrgColumn, string>>>): string =>
  csv(ORGANIZATION_CSV_COLUMNS, rows);
const mentorCsv = (rows: Array<Partial<Record<MentorColumn, string>>>): string =>
  csv(MENTOR_CSV_COLUMNS, rows);

const linesOf = (result: ImportResult): number[] => result.invalid.map((r) => r.line);
const fieldsAt = (result: ImportResult, line: number): string[] =>
  result.invalid.find((r) => r.line === line)?.errors.map((e) => e.field) ?? [];

describe.each(TEST_BACKENDS)('CSV import on $name', ({ open }) => {
  let ds: DataSource;
  let close: () => Promise<void>;
  let service: CsvImportService;

  beforeAll(async () => {
    ({ ds, close } = await open());
    await ds.initialize();
    service = new CsvImportService(ds);
  }, 60_000);

  afterAll(async () => {
    await close?.();
  });

  beforeEach(async () => {
    await ds.query('DELETE FROM organizations');
    await ds.query('DELETE FROM mentor_profiles');
    await ds.query('DELETE FROM users');
  });

  const count = async (table: string): Promise<number> =>
    Number(((await ds.query(`SELECT count(*) AS n FROM ${table}`)) as Array<{ n: string }>)[0].n);

  const addUser = async (email: string, role: string): Promise<string> => {
    const id = randomUUID();
    await ds.query(`INSERT INTO users (id, email, display_name, roles) VALUES ($1, $2, 'Existing', $3)`, [
      id,
      email,
      [role],
    ]);
    return id;
  };

  describe('organisations', () => {
    it('imports good rows, deriving size class and IFC status, and parsing lists', async () => {
      const result = await service.import(
        'organizations',
        orgCsv([
          org(),
          org({
            name: 'Beta Tools',
            isic_division: '25',
            economy: 'VN',
            locality: 'METROPOLITAN',
            employees: '120',
            women_ownership_percent: '25',
            woman_in_top_management: 'yes',
            board_women_percent: '20',
            needs: 'FINANCE',
            target_economies: '',
            languages: 'vi',
          }),
          org({
            name: 'Gamma Apps',
            kind: 'startup',
            isic_division: '62',
            economy: 'nz',
            locality: 'rural',
            employees: '3',
            founded_year: '',
            women_ownership_percent: '0',
            woman_in_top_management: 'no',
            needs: 'technology|finance',
            languages: 'EN;mi',
          }),
        ]),
      );
      expect(result).toEqual({ total: 3, imported: 3, invalid: [], committed: true });
      const rows = (await ds.query(
        `SELECT name, kind, economy, locality, isic_section, size_class, founded_year, women_ownership_percent,
                board_women_percent, women_owned, women_led, needs, target_economies, languages, description, owner_id
           FROM organizations ORDER BY name`,
      )) as Array<Record<string, unknown>>;
      expect(rows).toHaveLength(3);
      expect(rows[0]).toMatchObject({
        name: 'Alpha Coffee',
        kind: 'MSME',
        economy: 'TH',
        locality: 'SUB_REGIONAL',
        isic_section: 'C',
        size_class: 'SMALL',
        founded_year: 2012,
        board_women_percent: null,
        women_owned: true,
        women_led: true,
        needs: ['EXPORT', 'E_COMMERCE'],
        target_economies: ['JP', 'SG'],
        languages: ['th', 'en'],
        description: 'Roasts coffee',
        owner_id: null,
      });
      expect(Number(rows[0].women_ownership_percent)).toBe(60);
      expect(rows[1]).toMatchObject({
        name: 'Beta Tools',
        isic_section: 'C',
        size_class: 'MEDIUM',
        women_owned: false,
        women_led: false,
        needs: ['FINANCE'],
        target_economies: [],
        languages: ['vi'],
      });
      expect(Number(rows[1].board_women_percent)).toBe(20);
      expect(rows[2]).toMatchObject({
        name: 'Gamma Apps',
        kind: 'STARTUP',
        economy: 'NZ',
        locality: 'RURAL',
        isic_section: 'J',
        size_class: 'MICRO',
        founded_year: null,
        women_owned: false,
        women_led: false,
        needs: ['TECHNOLOGY', 'FINANCE'],
        languages: ['en', 'mi'],
      });
    });

    const mixed = orgCsv([
      org({ name: 'Good One' }), // line 2
      org({ name: 'Bad Economy', economy: 'FR' }), // line 3
      org({ name: 'Good Two' }), // line 4
      org({ name: 'Bad Employees', employees: 'twelve' }), // line 5
    ]);

    it('writes nothing when any row is bad, and reports each bad row by line and field', async () => {
      await service.import('organizations', orgCsv([org({ name: 'Already There' })]));
      const result = await service.import('organizations', mixed);
      expect(result.committed).toBe(false);
      expect(result.imported).toBe(0);
      expect(linesOf(result)).toEqual([3, 5]);
      expect(fieldsAt(result, 3)).toEqual(['economy']);
      expect(fieldsAt(result, 5)).toEqual(['employees']);
      for (const row of result.invalid) {
        for (const error of row.errors) expect(error.message.length).toBeGreaterThan(0);
      }
      const names = (await ds.query('SELECT name FROM organizations')) as Array<{ name: string }>;
      expect(names).toEqual([{ name: 'Already There' }]);
    });

    it('imports the good rows and reports the bad ones with skipInvalid', async () => {
      const result = await service.import('organizations', mixed, { skipInvalid: true });
      expect(result).toMatchObject({ total: 4, imported: 2, committed: true });
      expect(linesOf(result)).toEqual([3, 5]);
      const names = (await ds.query('SELECT name FROM organizations ORDER BY name')) as Array<{
        name: string;
      }>;
      expect(names.map((r) => r.name)).toEqual(['Good One', 'Good Two']);
    });

    it('links rows to their MSME owner by email, and rejects emails that are not MSME owners', async () => {
      const ownerId = await addUser('owner@test.example', 'MSME_OWNER');
      await addUser('mentor@test.example', 'MENTOR');
      const result = await service.import(
        'organizations',
        orgCsv([
          org({ name: 'Owned', owner_email: 'Owner@Test.example' }), // line 2
          org({ name: 'Nobody', owner_email: 'nobody@test.example' }), // line 3
          org({ name: 'Mentor Owned', owner_email: 'mentor@test.example' }), // line 4
        ]),
      );
      expect(result.committed).toBe(false);
      expect(linesOf(result)).toEqual([3, 4]);
      expect(fieldsAt(result, 3)).toEqual(['owner_email']);
      expect(fieldsAt(result, 4)).toEqual(['owner_email']);
      expect(await count('organizations')).toBe(0);

      const only = await service.import(
        'organizations',
        orgCsv([org({ name: 'Owned', owner_email: 'owner@test.example' })]),
      );
      expect(only).toMatchObject({ imported: 1, committed: true });
      const [row] = (await ds.query('SELECT owner_id FROM organizations')) as Array<{ owner_id: string }>;
      expect(row.owner_id).toBe(ownerId);
    });

    it('parses quoted fields holding commas, quotes and line breaks, and keeps line numbers right', async () => {
      const description = 'Roasts, packs and ships.\nSecond line with "quotes", too.';
      const text = orgCsv([
        org({ name: 'Multi, Line Co', description }), // lines 2-3
        org({ name: 'Plain' }), // line 4
        org({ name: 'Broken', isic_division: '04' }), // line 5
      ]);
      const result = await service.import('organizations', text, { skipInvalid: true });
      expect(result).toMatchObject({ total: 3, imported: 2, committed: true });
      expect(linesOf(result)).toEqual([5]);
      expect(fieldsAt(result, 5)).toEqual(['isicDivision']);
      const rows = (await ds.query(`SELECT name, description FROM organizations ORDER BY name`)) as Array<{
        name: string;
        description: string;
      }>;
      expect(rows).toEqual([
        { name: 'Multi, Line Co', description },
        { name: 'Plain', description: 'Roasts coffee' },
      ]);
    });

    it('stops with one fatal error on line 1 when a required column is missing', async () => {
      const columns = ORGANIZATION_CSV_COLUMNS.filter((c) => c !== 'economy');
      const result = await service.import('organizations', csv(columns, [org(), org({ name: 'Other' })]));
      expect(result.committed).toBe(false);
      expect(result.imported).toBe(0);
      expect(result.invalid).toHaveLength(1);
      expect(result.invalid[0].line).toBe(1);
      expect(result.invalid[0].errors).toHaveLength(1);
      expect(result.invalid[0].errors[0].message).toContain('economy');
      expect(await count('organizations')).toBe(0);
    });

    it('counts lines right in a file with CRLF line endings and blank lines', async () => {
      const text = orgCsv([org({ name: 'One' }), org({ name: 'Two', economy: 'XX' })])
        .replace(/\n/g, '\r\n')
        .replace(/\r\n(?=Two)/, '\r\n\r\n'); // a blank line 3: Two is on line 4
      const result = await service.import('organizations', text);
      expect(result.committed).toBe(false);
      expect(linesOf(result)).toEqual([4]);
      expect(fieldsAt(result, 4)).toEqual(['economy']);
    });

    it('writes nothing when the only bad row comes late in a large file', async () => {
      const rows = Array.from({ length: 12_000 }, (_, i) => org({ name: `Bulk ${i}` }));
      rows[11_000] = org({ name: 'Late Bad', women_ownership_percent: '150' }); // line 11002
      const text = orgCsv(rows);
      const progress: Array<[number, number, string]> = [];
      const result = await service.import('organizations', text, {
        onProgress: (...p) => void progress.push(p),
      });
      expect(result).toMatchObject({ total: 12_000, imported: 0, committed: false });
      expect(linesOf(result)).toEqual([11_002]);
      expect(fieldsAt(result, 11_002)).toEqual(['womenOwnershipPercent']);
      expect(await count('organizations')).toBe(0);

      const skipped = await service.import('organizations', text, { skipInvalid: true });
      expect(skipped).toMatchObject({ total: 12_000, imported: 11_999, committed: true });
      expect(await count('organizations')).toBe(11_999);
      expect(progress.length).toBeGreaterThan(0);
    }, 60_000);

    it('accepts a header in another order and case, with a byte-order mark', async () => {
      const columns = [...ORGANIZATION_CSV_COLUMNS].reverse();
      const text = '\ufeff' + csv(columns, [org()]).replace(/^[^\n]*/, (h) => h.toUpperCase());
      const result = await service.import('organizations', text);
      expect(result).toMatchObject({ imported: 1, committed: true });
    });
  });

  describe('mentors', () => {
    it('creates a MENTOR account without a password, and a profile, per good row', async () => {
      const result = await service.import(
        'mentors',
        mentorCsv([
          mentor({ email: 'Aiko@Test.example' }),
          mentor({
            email: 'pedro@test.example',
            display_name: 'Pedro Quispe',
            economy: 'pe',
            languages: 'es',
            capacity: '',
            accepting_requests: '',
            gender: '',
            expertise_sectors: '1;A',
          }),
        ]),
      );
      expect(result).toEqual({ total: 2, imported: 2, invalid: [], committed: true });
      const users = (await ds.query(
        'SELECT id, email, roles, password_hash, display_name FROM users ORDER BY email',
      )) as Array<{
        id: string;
        email: string;
        roles: string[];
        password_hash: string | null;
        display_name: string;
      }>;
      expect(users.map((u) => u.email)).toEqual(['aiko@test.example', 'pedro@test.example']);
      for (const u of users) {
        expect(u.roles).toEqual(['MENTOR']);
        expect(u.password_hash).toBeNull();
      }
      const profiles = (await ds.query(
        `SELECT p.user_id, u.email, p.economy, p.capacity, p.accepting_requests, p.gender, p.languages, p.expertise_sectors
           FROM mentor_profiles p JOIN users u ON u.id = p.user_id ORDER BY u.email`,
      )) as Array<Record<string, unknown>>;
      expect(profiles).toEqual([
        {
          user_id: users[0].id,
          email: 'aiko@test.example',
          economy: 'JP',
          capacity: 4,
          accepting_requests: true,
          gender: 'WOMAN',
          languages: ['ja', 'en'],
          expertise_sectors: ['10', 'G'],
        },
        {
          user_id: users[1].id,
          email: 'pedro@test.example',
          economy: 'PE',
          capacity: 3,
          accepting_requests: true,
          gender: null,
          languages: ['es'],
          expertise_sectors: ['01', 'A'],
        },
      ]);
    });

    it('reports an email repeated in the file and one that already has an account, per line', async () => {
      await addUser('taken@test.example', 'MSME_OWNER');
      const result = await service.import(
        'mentors',
        mentorCsv([
          mentor({ email: 'first@test.example' }), // line 2
          mentor({ email: 'second@test.example' }), // line 3
          mentor({ email: 'FIRST@test.example' }), // line 4: same as line 2
          mentor({ email: 'taken@test.example' }), // line 5
          mentor({ email: 'not-an-email', capacity: '21' }), // line 6
        ]),
      );
      expect(result.committed).toBe(false);
      expect(result.imported).toBe(0);
      expect(linesOf(result)).toEqual([4, 5, 6]);
      expect(fieldsAt(result, 4)).toEqual(['email']);
      expect(fieldsAt(result, 5)).toEqual(['email']);
      expect(fieldsAt(result, 6).sort()).toEqual(['capacity', 'email']);
      expect(await count('users')).toBe(1);
      expect(await count('mentor_profiles')).toBe(0);
    });

    it('imports the rest with skipInvalid', async () => {
      await addUser('taken@test.example', 'MSME_OWNER');
      const result = await service.import(
        'mentors',
        mentorCsv([mentor({ email: 'ok@test.example' }), mentor({ email: 'taken@test.example' })]),
        { skipInvalid: true },
      );
      expect(result).toMatchObject({ total: 2, imported: 1, committed: true });
      expect(linesOf(result)).toEqual([3]);
      expect(await count('mentor_profiles')).toBe(1);
      const roles = (await ds.query(`SELECT roles FROM users WHERE email = 'taken@test.example'`)) as Array<{
        roles: string[];
      }>;
      expect(roles).toEqual([{ roles: ['MSME_OWNER'] }]);
    });

    it('stops with one fatal error on line 1 when a required column is missing', async () => {
      const columns = MENTOR_CSV_COLUMNS.filter((c) => c !== 'headline');
      const result = await service.import('mentors', csv(columns, [mentor()]));
      expect(result).toMatchObject({ imported: 0, committed: false });
      expect(result.invalid).toHaveLength(1);
      expect(result.invalid[0].line).toBe(1);
      expect(result.invalid[0].errors[0].message).toContain('headline');
      expect(await count('users')).toBe(0);
    });
  });
});
