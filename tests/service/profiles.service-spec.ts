import { AuditAction, AuditService } from '@app/audit';
import { Role, type Actor } from '@app/common';
import {
  Gender,
  MentorProfilesService,
  OrganizationKind,
  OrganizationsService,
  ProfileSnapshotsService,
  mentorSnapshotOf,
  type MentorFields,
  partiesOf,
  type OrganizationFields,
} from '@app/profiles';
import { Locality } from '@app/taxonomy';
import { startServiceTest, type ServiceTest } from '@app/testing/service-test';

const fields = (overrides: Partial<OrganizationFields> = {}): OrganizationFields => ({
  name: 'Chiang Mai Coffee Roasters',
  kind: OrganizationKind.MSME,
  isicDivision: '10',
  economy: 'TH',
  city: 'Chiang Mai',
  locality: Locality.SUB_REGIONAL,
  employees: 12,
  foundedYear: 2012,
  womenOwnershipPercent: 60,
  womanInTopManagement: true,
  boardWomenPercent: null,
  needs: ['EXPORT', 'E_COMMERCE'],
  targetEconomies: ['JP', 'SG'],
  languages: ['th', 'en'],
  ...overrides,
});

const mentorFields: MentorFields = {
  headline: 'Export strategy for food SMEs',
  bio: 'Twenty years in regional food exports.',
  economy: 'JP',
  expertiseSectors: ['10', 'G'],
  expertiseTopics: ['EXPORT', 'MARKETING'],
  economies: ['JP', 'TH'],
  languages: ['ja', 'en'],
  capacity: 3,
};

describe('profiles (PGlite, real migrations)', () => {
  let t: ServiceTest;
  let organizations: OrganizationsService;
  let mentors: MentorProfilesService;
  let admin: Actor;
  let pmTh: Actor;
  let pmJp: Actor;
  let owner: Actor;
  let otherOwner: Actor;

  /** The jobs recorded by `change`, and only those. */
  async function jobsOf(change: () => Promise<unknown>): Promise<Array<{ name: string; payload: unknown }>> {
    const before = (await t.jobs()).length;
    await change().catch(() => undefined);
    return (await t.jobs()).slice(before).map(({ name, payload }) => ({ name, payload }));
  }

  const count = async (table: 'organizations' | 'mentor_profiles'): Promise<number> =>
    ((await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`)) as Array<{ n: number }>)[0].n;

  beforeAll(async () => {
    t = await startServiceTest();
    organizations = t.get(OrganizationsService);
    mentors = t.get(MentorProfilesService);
    admin = await t.actor(Role.ADMIN);
    pmTh = await t.actor(Role.PROGRAM_MANAGER, { economies: ['TH'] });
    pmJp = await t.actor(Role.PROGRAM_MANAGER, { economies: ['JP'] });
    owner = await t.actor(Role.MSME_OWNER);
    otherOwner = await t.actor(Role.MSME_OWNER);
  });
  afterAll(() => t.close());

  describe('organisations', () => {
    it('creates one owned by its MSME owner, derives its status, records the event and the audit', async () => {
      let id = '';
      const jobs = await jobsOf(async () => {
        const created = await organizations.create(owner, fields());
        id = created.id;
        expect(created).toMatchObject({
          ownerId: owner.userId,
          isicSection: 'C',
          sizeClass: 'SMALL',
          womenOwned: true,
          womenLed: true,
          mentorsWanted: 1,
        });
      });
      expect(jobs).toEqual([{ name: 'organization-changed', payload: { organizationId: id } }]);
      const audit = await t
        .get(AuditService)
        .list(admin, { action: AuditAction.ORGANIZATION_CREATED }, { first: 5 });
      expect(audit.items[0]).toMatchObject({
        actorId: owner.userId,
        targetId: id,
        details: { economy: 'TH' },
      });
    });

    it('derives women-led by the IFC test: 20 % owned, a woman at the top, 30 % of a board', async () => {
      const cases: Array<[Partial<OrganizationFields>, { womenOwned: boolean; womenLed: boolean }]> = [
        [
          { womenOwnershipPercent: 20, womanInTopManagement: true },
          { womenOwned: false, womenLed: true },
        ],
        [
          { womenOwnershipPercent: 19, womanInTopManagement: true },
          { womenOwned: false, womenLed: false },
        ],
        [
          { womenOwnershipPercent: 51, womanInTopManagement: false },
          { womenOwned: true, womenLed: false },
        ],
        [
          { womenOwnershipPercent: 60, boardWomenPercent: 29 },
          { womenOwned: true, womenLed: false },
        ],
        [
          { womenOwnershipPercent: 60, boardWomenPercent: 30 },
          { womenOwned: true, womenLed: true },
        ],
      ];
      for (const [overrides, status] of cases) {
        expect(await organizations.create(owner, fields(overrides))).toMatchObject(status);
      }
    });

    it('lets program managers add unowned ones in their economies only; mentors none', async () => {
      const before = await count('organizations');
      const jobs = await jobsOf(async () => {
        await expect(organizations.create(pmTh, fields({ economy: 'JP' }))).rejects.toMatchObject({
          code: 'FORBIDDEN',
        });
        await expect(organizations.create(await t.actor(Role.MENTOR), fields())).rejects.toMatchObject({
          code: 'FORBIDDEN',
        });
        await expect(organizations.create(owner, fields({ employees: -1 }))).rejects.toMatchObject({
          code: 'BAD_USER_INPUT',
        });
      });
      expect(jobs).toEqual([]);
      expect(await count('organizations')).toBe(before);
      expect(await organizations.create(pmTh, fields())).toMatchObject({ ownerId: null, economy: 'TH' });
    });

    it("shows an organisation to its owner, its economy's program managers and admins only", async () => {
      const org = await organizations.create(owner, fields({ name: 'Visible Only So Far' }));
      for (const who of [owner, pmTh, admin]) {
        expect((await organizations.findOne(who, org.id)).id).toBe(org.id);
      }
      for (const who of [otherOwner, pmJp]) {
        await expect(organizations.findOne(who, org.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
        await expect(organizations.update(who, org.id, { name: 'Taken' })).rejects.toMatchObject({
          code: 'NOT_FOUND',
        });
        await expect(organizations.delete(who, org.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
        const page = await organizations.list(who, { search: 'Visible Only' }, { first: 10 });
        expect(page.items).toEqual([]);
      }
      const listed = await organizations.list(pmTh, { search: 'Visible Only' }, { first: 10 });
      expect(listed.items.map((o) => o.id)).toEqual([org.id]);
      // A search is literal text: LIKE's wildcards match themselves only.
      expect((await organizations.list(admin, { search: '%' }, { first: 10 })).items).toEqual([]);
    });

    it('updates only the given fields, recomputes the derived status, and records the event', async () => {
      const org = await organizations.create(owner, fields());
      const jobs = await jobsOf(async () => {
        const updated = await organizations.update(owner, org.id, {
          womenOwnershipPercent: 10,
          employees: 120,
        });
        expect(updated).toMatchObject({
          name: org.name,
          womanInTopManagement: true,
          womenOwned: false,
          womenLed: false,
          sizeClass: 'MEDIUM',
        });
      });
      expect(jobs).toEqual([{ name: 'organization-changed', payload: { organizationId: org.id } }]);
    });

    it('refuses bad changes and changes nothing, nor tells matching', async () => {
      const org = await organizations.create(owner, fields());
      const jobs = await jobsOf(async () => {
        await expect(organizations.update(owner, org.id, { languages: [] })).rejects.toMatchObject({
          code: 'BAD_USER_INPUT',
        });
        // A program manager edits the unowned ones only, and keeps them in their economies.
        await expect(organizations.update(pmTh, org.id, { name: 'Renamed' })).rejects.toMatchObject({
          code: 'FORBIDDEN',
        });
      });
      expect(jobs).toEqual([]);
      expect(await organizations.findOne(owner, org.id)).toMatchObject({
        name: org.name,
        languages: ['th', 'en'],
      });

      const unowned = await organizations.create(pmTh, fields());
      await expect(organizations.update(pmTh, unowned.id, { economy: 'JP' })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await organizations.update(pmTh, unowned.id, { name: 'Renamed' })).toMatchObject({
        name: 'Renamed',
        economy: 'TH',
      });
    });

    it('deletes for whoever may edit it, and records the event so lists lose it', async () => {
      const org = await organizations.create(owner, fields());
      const jobs = await jobsOf(() => organizations.delete(owner, org.id));
      expect(jobs).toEqual([{ name: 'organization-changed', payload: { organizationId: org.id } }]);
      await expect(organizations.findOne(admin, org.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      const unowned = await organizations.create(pmTh, fields());
      await expect(organizations.delete(otherOwner, unowned.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await organizations.delete(pmTh, unowned.id);
      await expect(organizations.findOne(admin, unowned.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('mentor profiles', () => {
    it('creates and merges the mentor’s own profile, recording the event each time', async () => {
      const mentor = await t.actor(Role.MENTOR);
      let id = '';
      const jobs = await jobsOf(async () => {
        const created = await mentors.upsert(mentor, { ...mentorFields, gender: Gender.WOMAN });
        id = created.id;
        const merged = await mentors.upsert(mentor, { capacity: 5 });
        expect(merged).toMatchObject({
          id,
          capacity: 5,
          headline: mentorFields.headline,
          gender: Gender.WOMAN,
        });
        expect(merged.displayName).toMatch(/^Service MENTOR/);
      });
      expect(jobs).toEqual([
        { name: 'mentor-profile-changed', payload: { mentorId: id } },
        { name: 'mentor-profile-changed', payload: { mentorId: id } },
      ]);
      await expect(mentors.upsert(owner, mentorFields)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });

    it('keeps both of two partial updates made at once (the account row is locked)', async () => {
      const mentor = await t.actor(Role.MENTOR);
      await mentors.upsert(mentor, mentorFields);
      await Promise.all([
        mentors.upsert(mentor, { capacity: 7 }),
        mentors.upsert(mentor, { headline: 'Both changes stay' }),
      ]);
      expect(await mentors.findMine(mentor)).toMatchObject({ capacity: 7, headline: 'Both changes stay' });
    });

    it('lists and searches by the account’s display name, literally', async () => {
      const mentor = await t.actor(Role.MENTOR);
      const mine = await mentors.upsert(mentor, mentorFields);
      const found = await mentors.list(owner, { search: mine.displayName }, { first: 5 });
      expect(found.items.map((m) => m.id)).toEqual([mine.id]);
      expect((await mentors.list(owner, { search: '_' }, { first: 5 })).items).toEqual([]);
    });

    it('snapshots a mentor for scoring as recommendations see them: open means a place left', async () => {
      const snapshots = t.get(ProfileSnapshotsService);
      const cases: Array<[string, { acceptingRequests: boolean; capacity: number }, number, boolean]> = [
        ['open', { acceptingRequests: true, capacity: 2 }, 1, true],
        ['full', { acceptingRequests: true, capacity: 2 }, 2, false],
        ['closed', { acceptingRequests: false, capacity: 2 }, 0, false],
      ];
      const ids: string[] = [];
      for (const [, places, active] of cases) {
        const mentor = await t.actor(Role.MENTOR);
        const profile = await mentors.upsert(mentor, { ...mentorFields, ...places });
        await t.dataSource.query('UPDATE mentor_profiles SET active_mentorships = $2 WHERE id = $1', [
          profile.id,
          active,
        ]);
        ids.push(profile.id);
      }
      const byId = new Map((await snapshots.mentors({ ids })).map((s) => [s.id, s]));
      const views = new Map((await mentors.findByIds(ids)).map((v) => [v.id, v]));
      cases.forEach(([name, , , open], i) => {
        expect([name, byId.get(ids[i])]).toEqual([name, mentorSnapshotOf(views.get(ids[i])!)]);
        expect([name, byId.get(ids[i])!.available]).toEqual([name, open]);
      });
    });
  });

  it('names the parties of an organisation–mentor pair', async () => {
    const org = await organizations.create(owner, fields());
    const mentor = await t.actor(Role.MENTOR);
    const profile = await mentors.upsert(mentor, mentorFields);
    const parties = (organizationId: string, mentorId: string) =>
      partiesOf(t.dataSource.manager, { organizationId, mentorId }).then((p) =>
        p ? { ownerId: p.organization.ownerId, mentorUserId: p.mentor?.userId ?? null } : null,
      );
    expect(await parties(org.id, profile.id)).toEqual({ ownerId: owner.userId, mentorUserId: mentor.userId });
    const unowned = await organizations.create(pmTh, fields());
    expect(await parties(unowned.id, profile.id)).toEqual({ ownerId: null, mentorUserId: mentor.userId });
    expect(await parties(org.id, '00000000-0000-4000-8000-000000000000')).toEqual({
      ownerId: owner.userId,
      mentorUserId: null,
    });
  });
});
