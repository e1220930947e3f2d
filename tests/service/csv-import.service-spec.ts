import { AccountsService } from '@app/accounts';
import { AuditAction, AuditService } from '@app/audit';
import { Role, type Actor } from '@app/common';
import { CsvImportService, ImportModule, MENTOR_CSV_COLUMNS, ORGANIZATION_CSV_COLUMNS } from '@app/import';
import { MentorProfilesService, OrganizationsService } from '@app/profiles';
import { startServiceTest, type ServiceTest } from '@app/testing/service-test';

type OrgRow = Partial<Record<(typeof ORGANIZATION_CSV_COLUMNS)[number], string>>;
type MentorRow = Partial<Record<(typeof MENTOR_CSV_COLUMNS)[number], string>>;

const csv = (columns: readonly string[], rows: Array<Record<string, string | undefined>>): string =>
  [columns.join(','), ...rows.map((row) => columns.map((c) => row[c] ?? '').join(','))].join('\n') + '\n';

const org = (overrides: OrgRow = {}): OrgRow => ({
  name: 'Alpha Coffee',
  kind: 'MSME',
  isic_division: '10',
  economy: 'TH',
  city: 'Chiang Mai',
  locality: 'SUB_REGIONAL',
  employees: '12',
  women_ownership_percent: '60',
  woman_in_top_management: 'true',
  needs: 'EXPORT;E_COMMERCE',
  languages: 'th;en',
  ...overrides,
});

const mentor = (overrides: MentorRow = {}): MentorRow => ({
  email: 'aiko@import.test',
  display_name: 'Aiko Tanaka',
  headline: 'Export strategy for food SMEs',
  economy: 'JP',
  expertise_topics: 'EXPORT',
  languages: 'ja;en',
  capacity: '4',
  ...overrides,
});

/**
 * The CSV import as the CLI runs it (its Nest module, the features around it) on the embedded
 * database; tests/integration/csv-import covers the parser and PostgreSQL's streaming COPY.
 */
describe('CSV import (PGlite, real migrations)', () => {
  let t: ServiceTest;
  let importer: CsvImportService;
  let admin: Actor;
  let owner: Actor;

  const organizationsNamed = async (prefix: string): Promise<number> =>
    (
      (await t.dataSource.query(`SELECT count(*)::int AS n FROM organizations WHERE name LIKE $1`, [
        `${prefix}%`,
      ])) as Array<{ n: number }>
    )[0].n;

  beforeAll(async () => {
    t = await startServiceTest({ imports: [ImportModule] });
    importer = t.get(CsvImportService);
    admin = await t.actor(Role.ADMIN);
    owner = await t.actor(Role.MSME_OWNER);
  });
  afterAll(() => t.close());

  it('links organisations to their owners by e-mail, as the owners then see them', async () => {
    const [{ email }] = (await t.dataSource.query('SELECT email FROM users WHERE id = $1', [
      owner.userId,
    ])) as Array<{ email: string }>;
    const result = await importer.import(
      'organizations',
      csv(ORGANIZATION_CSV_COLUMNS, [
        org({ name: 'Linked One', owner_email: email.toUpperCase() }),
        org({ name: 'Linked Two', owner_email: ` ${email} ` }),
        org({ name: 'Linked Unowned', economy: 'JP', languages: 'ja' }),
      ]),
    );
    expect(result).toEqual({ total: 3, imported: 3, invalid: [], committed: true });
    const mine = await t.get(OrganizationsService).list(owner, { mine: true }, { first: 10 });
    expect(mine.items.map((o) => o.name).sort()).toEqual(['Linked One', 'Linked Two']);
    expect(mine.items[0]).toMatchObject({
      womenOwned: true,
      womenLed: true,
      sizeClass: 'SMALL',
      isicSection: 'C',
    });
    const audit = await t
      .get(AuditService)
      .list(admin, { action: AuditAction.ORGANIZATIONS_IMPORTED }, { first: 1 });
    expect(audit.items[0]).toMatchObject({ actorId: null, details: { imported: 3, skipped: 0 } });
  });

  it('refuses an owner e-mail that is no MSME owner: nothing, or (skipInvalid) all but that row', async () => {
    const mentorAccount = await t.actor(Role.MENTOR);
    const [{ email }] = (await t.dataSource.query('SELECT email FROM users WHERE id = $1', [
      mentorAccount.userId,
    ])) as Array<{ email: string }>;
    const file = csv(ORGANIZATION_CSV_COLUMNS, [
      org({ name: 'Owners A' }),
      org({ name: 'Owners B', owner_email: email }),
      org({ name: 'Owners C', owner_email: 'nobody@import.test' }),
    ]);
    const refused = await importer.import('organizations', file);
    expect(refused).toMatchObject({ total: 3, imported: 0, committed: false });
    expect(refused.invalid).toEqual([
      { line: 3, errors: [{ field: 'owner_email', message: 'is not an MSME owner account' }] },
      { line: 4, errors: [{ field: 'owner_email', message: 'is not an MSME owner account' }] },
    ]);
    expect(await organizationsNamed('Owners ')).toBe(0);

    const skipped = await importer.import('organizations', file, { skipInvalid: true });
    expect(skipped).toMatchObject({ total: 3, imported: 1, committed: true });
    expect(await organizationsNamed('Owners ')).toBe(1);
    expect(await organizationsNamed('Owners A')).toBe(1);
  });

  it('writes nothing when one row of a file larger than a batch is bad, and all of it once fixed', async () => {
    const rows = Array.from({ length: 6001 }, (_, i) => org({ name: `Batch ${i}` }));
    rows[6000] = org({ name: 'Batch 6000', employees: 'many' });
    const refused = await importer.import('organizations', csv(ORGANIZATION_CSV_COLUMNS, rows));
    expect(refused).toMatchObject({ total: 6001, imported: 0, committed: false });
    expect(refused.invalid.map((r) => r.line)).toEqual([6002]);
    expect(await organizationsNamed('Batch ')).toBe(0);

    rows[6000] = org({ name: 'Batch 6000' });
    const progress: Array<[number, string]> = [];
    const imported = await importer.import('organizations', csv(ORGANIZATION_CSV_COLUMNS, rows), {
      onProgress: (done, _total, phase) => void progress.push([done, phase]),
    });
    expect(imported).toMatchObject({ total: 6001, imported: 6001, committed: true });
    expect(await organizationsNamed('Batch ')).toBe(6001);
    expect(progress[progress.length - 1]).toEqual([6001, 'write']);
  });

  it('makes a MENTOR account without a password and a public profile per mentor row', async () => {
    const result = await importer.import(
      'mentors',
      csv(MENTOR_CSV_COLUMNS, [
        mentor({ email: 'Aiko@Import.Test' }),
        mentor({ email: 'ben@import.test', display_name: 'Ben Lim', gender: 'man', capacity: '' }),
      ]),
    );
    expect(result).toEqual({ total: 2, imported: 2, invalid: [], committed: true });
    const found = await t.get(MentorProfilesService).list(owner, { search: 'Aiko Tanaka' }, { first: 5 });
    expect(found.items).toHaveLength(1);
    expect(found.items[0]).toMatchObject({ displayName: 'Aiko Tanaka', economy: 'JP', capacity: 4 });
    const accounts = (await t.dataSource.query(
      `SELECT email, roles, password_hash FROM users WHERE email LIKE '%@import.test' ORDER BY email`,
    )) as Array<{ email: string; roles: string[]; password_hash: string | null }>;
    expect(accounts).toEqual([
      { email: 'aiko@import.test', roles: ['MENTOR'], password_hash: null },
      { email: 'ben@import.test', roles: ['MENTOR'], password_hash: null },
    ]);
    // Imported accounts cannot log in until someone gives them a password.
    await expect(t.get(AccountsService).login('aiko@import.test', '', undefined)).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
  });

  it('reports e-mails that have an account or come twice, and writes no mentor then', async () => {
    const before = (await t.dataSource.query('SELECT count(*)::int AS n FROM mentor_profiles')) as Array<{
      n: number;
    }>;
    const result = await importer.import(
      'mentors',
      csv(MENTOR_CSV_COLUMNS, [
        mentor({ email: 'carla@import.test', display_name: 'Carla Reyes' }),
        mentor({ email: 'AIKO@import.test' }),
        mentor({ email: 'carla@import.test', display_name: 'Carla Again' }),
      ]),
    );
    expect(result).toMatchObject({ total: 3, imported: 0, committed: false });
    expect(result.invalid).toEqual([
      { line: 3, errors: [{ field: 'email', message: 'already has an account' }] },
      { line: 4, errors: [{ field: 'email', message: 'appears twice in the file' }] },
    ]);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM mentor_profiles')).toEqual(before);
  });
});
