import { buildMentorRecord, buildOrganizationRecord } from '@app/profiles';
import { ECONOMY_CODES, ISIC_SECTIONS, Locality, isEconomyCode } from '@app/taxonomy';
import { generatePopulation, type Population } from './population';

describe('generatePopulation', () => {
  it('is deterministic: the same seed gives the same population', () => {
    const a = generatePopulation({ organizations: 50, mentors: 20, seed: 42 });
    const b = generatePopulation({ organizations: 50, mentors: 20, seed: 42 });
    expect(a).toEqual(b);
  });

  it('differs with another seed', () => {
    const a = generatePopulation({ organizations: 50, mentors: 20, seed: 42 });
    const b = generatePopulation({ organizations: 50, mentors: 20, seed: 43 });
    expect(b.owners.map((o) => o.id)).not.toEqual(a.owners.map((o) => o.id));
    expect(b.organizations.map((o) => o.fields)).not.toEqual(a.organizations.map((o) => o.fields));
    expect(b.mentors.map((m) => m.fields)).not.toEqual(a.mentors.map((m) => m.fields));
  });

  it('produces exactly the number of organisations and mentors asked for', () => {
    const p = generatePopulation({ organizations: 17, mentors: 5, seed: 1 });
    expect(p.organizations).toHaveLength(17);
    expect(p.mentors).toHaveLength(5);
    expect(p.owners.length).toBeGreaterThan(0);
    for (const org of p.organizations) {
      expect(org.owner).toBeGreaterThanOrEqual(0);
      expect(org.owner).toBeLessThan(p.owners.length);
    }
  });

  describe('with 300 organisations and 100 mentors', () => {
    let p: Population;
    beforeAll(() => {
      p = generatePopulation({ organizations: 300, mentors: 100, seed: 2019 });
    });

    it('covers all 21 APEC economies among organisations', () => {
      const economies = new Set(p.organizations.map((o) => o.fields.economy));
      expect([...economies].sort()).toEqual([...ECONOMY_CODES].sort());
      expect(economies.size).toBe(21);
    });

    it('covers all 21 ISIC sections among organisations', () => {
      const records = p.organizations.map((o) => buildOrganizationRecord(o.fields).record);
      const sections = new Set(records.map((r) => r?.isicSection));
      expect([...sections].sort()).toEqual(ISIC_SECTIONS.map((s) => s.code).sort());
      expect(sections.size).toBe(21);
    });

    it('covers all 21 economies among mentors', () => {
      const economies = new Set(p.mentors.map((m) => m.fields.economy));
      expect([...economies].sort()).toEqual([...ECONOMY_CODES].sort());
    });

    it('makes between a quarter and 45 % of organisations women-led (IFC)', () => {
      const womenLed = p.organizations.filter(
        (o) => buildOrganizationRecord(o.fields).record?.womenLed,
      ).length;
      const share = womenLed / p.organizations.length;
      expect(share).toBeGreaterThanOrEqual(0.25);
      expect(share).toBeLessThanOrEqual(0.45);
    });

    it('mixes metropolitan, sub-regional and rural organisations', () => {
      const localities = new Set(p.organizations.map((o) => o.fields.locality));
      expect([...localities].sort()).toEqual(
        [Locality.METROPOLITAN, Locality.RURAL, Locality.SUB_REGIONAL].sort(),
      );
    });

    it('generates only organisations that pass validation', () => {
      const invalid = p.organizations
        .map((o, i) => ({ i, errors: buildOrganizationRecord(o.fields).errors }))
        .filter((r) => r.errors.length > 0);
      expect(invalid).toEqual([]);
    });

    it('generates only mentors that pass validation, living in an APEC economy they list', () => {
      const invalid = p.mentors
        .map((m, i) => ({ i, errors: buildMentorRecord(m.fields).errors }))
        .filter((r) => r.errors.length > 0);
      expect(invalid).toEqual([]);
      for (const m of p.mentors) {
        expect(isEconomyCode(m.fields.economy ?? '')).toBe(true);
        expect(m.fields.economies).toContain(m.fields.economy);
      }
    });

    it('gives every owner and mentor a unique email and id', () => {
      const users = [...p.owners, ...p.mentors.map((m) => m.user)];
      const emails = users.map((u) => u.email);
      expect(new Set(emails).size).toBe(emails.length);
      expect(new Set(users.map((u) => u.id)).size).toBe(users.length);
      for (const email of emails) expect(email).toBe(email.toLowerCase());
    });

    it('gives ids shaped like UUIDs', () => {
      for (const u of [...p.owners, ...p.mentors.map((m) => m.user)]) {
        expect(u.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      }
    });
  });

  it('keeps emails unique across seeds, so two populations can share a database', () => {
    const a = generatePopulation({ organizations: 10, mentors: 10, seed: 1 });
    const b = generatePopulation({ organizations: 10, mentors: 10, seed: 2 });
    const emails = [
      ...a.owners,
      ...a.mentors.map((m) => m.user),
      ...b.owners,
      ...b.mentors.map((m) => m.user),
    ].map((u) => u.email);
    expect(new Set(emails).size).toBe(emails.length);
  });
});
