import fc from 'fast-check';
import { Locality, SizeClass } from '@app/taxonomy';
import { buildOrganizationRecord, type OrganizationFields } from './organization-fields';
import { OrganizationKind } from './organization.entity';

const NOW = new Date('2025-06-15T12:00:00Z');

const valid = (overrides: Partial<OrganizationFields> = {}): OrganizationFields => ({
  name: 'Chiang Mai Coffee Roasters',
  description: 'Roasts and exports coffee.',
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

const build = (overrides: Partial<OrganizationFields> = {}) => buildOrganizationRecord(valid(overrides), NOW);

describe('buildOrganizationRecord', () => {
  it('returns a normalised record with the derived ISIC section, size class and IFC status', () => {
    const { record, errors } = build({ name: '  Chiang Mai Coffee Roasters  ', cluster: '  ' });
    expect(errors).toEqual([]);
    expect(record).toEqual({
      name: 'Chiang Mai Coffee Roasters',
      description: 'Roasts and exports coffee.',
      kind: OrganizationKind.MSME,
      isicDivision: '10',
      isicSection: 'C',
      economy: 'TH',
      city: 'Chiang Mai',
      locality: Locality.SUB_REGIONAL,
      employees: 12,
      sizeClass: SizeClass.SMALL,
      foundedYear: 2012,
      womenOwnershipPercent: 60,
      womanInTopManagement: true,
      boardWomenPercent: null,
      womenOwned: true,
      womenLed: true,
      youthLed: false,
      socialEnterprise: false,
      prefersWomanMentor: false,
      mentorsWanted: 1,
      cluster: null,
      needs: ['EXPORT', 'E_COMMERCE'],
      targetEconomies: ['JP', 'SG'],
      languages: ['th', 'en'],
    });
  });

  it.each([
    ['01', 'A'],
    ['05', 'B'],
    ['47', 'G'],
    ['62', 'J'],
    ['99', 'U'],
  ])('derives ISIC section of division %s as %s', (division, section) => {
    expect(build({ isicDivision: division }).record?.isicSection).toBe(section);
  });

  it.each([
    [0, SizeClass.MICRO],
    [9, SizeClass.MICRO],
    [10, SizeClass.SMALL],
    [49, SizeClass.SMALL],
    [50, SizeClass.MEDIUM],
    [300, SizeClass.MEDIUM],
    [301, SizeClass.LARGE],
  ])('classifies %i employees as %s', (employees, sizeClass) => {
    expect(build({ employees }).record?.sizeClass).toBe(sizeClass);
  });

  it.each([
    // ownership %, woman in top management, board women %, womenOwned, womenLed
    [19, true, null, false, false],
    [20, true, null, false, true],
    [50, true, null, false, true],
    [51, true, null, true, true],
    [51, false, null, true, false],
    [100, false, null, true, false],
    [60, true, 29, true, false],
    [60, true, 30, true, true],
    [20, true, 30, false, true],
    [19, true, 30, false, false],
    [0, false, null, false, false],
  ] as const)(
    'ownership %d%%, woman in top management %s, board %s → womenOwned %s, womenLed %s',
    (womenOwnershipPercent, womanInTopManagement, boardWomenPercent, womenOwned, womenLed) => {
      const { record, errors } = build({ womenOwnershipPercent, womanInTopManagement, boardWomenPercent });
      expect(errors).toEqual([]);
      expect(record).toMatchObject({ womenOwned, womenLed });
    },
  );

  it.each<[string, Partial<OrganizationFields>, string]>([
    ['economy not in APEC', { economy: 'FR' }, 'economy'],
    ['ISIC division that does not exist', { isicDivision: '04' }, 'isicDivision'],
    ['ownership above 100 %', { womenOwnershipPercent: 101 }, 'womenOwnershipPercent'],
    ['ownership below 0 %', { womenOwnershipPercent: -1 }, 'womenOwnershipPercent'],
    ['board above 100 %', { boardWomenPercent: 101 }, 'boardWomenPercent'],
    ['negative employees', { employees: -1 }, 'employees'],
    ['fractional employees', { employees: 2.5 }, 'employees'],
    ['founded before 1800', { foundedYear: 1700 }, 'foundedYear'],
    ['founded next year', { foundedYear: NOW.getUTCFullYear() + 1 }, 'foundedYear'],
    ['unknown topic', { needs: ['EXPORT', 'TIME_TRAVEL'] }, 'needs'],
    ['unknown language', { languages: ['th', 'xx'] }, 'languages'],
    ['unknown target economy', { targetEconomies: ['JP', 'FR'] }, 'targetEconomies'],
    ['no language', { languages: [] }, 'languages'],
    ['blank name', { name: '   ' }, 'name'],
    ['name over 200 characters', { name: 'n'.repeat(201) }, 'name'],
    ['city over 200 characters', { city: 'c'.repeat(201) }, 'city'],
    // The API's input checks this too; a CSV import has only this check.
    ['cluster over 200 characters', { cluster: 'k'.repeat(201) }, 'cluster'],
    ['description over 4000 characters', { description: 'd'.repeat(4001) }, 'description'],
    ['more than 10,000,000 employees', { employees: 10_000_001 }, 'employees'],
    ['unknown kind', { kind: 'CHARITY' as OrganizationKind }, 'kind'],
    ['unknown locality', { locality: 'SUBURBAN' as Locality }, 'locality'],
  ])('rejects %s with an error naming the field', (_label, overrides, field) => {
    const { record, errors } = build(overrides);
    expect(record).toBeUndefined();
    expect(errors.map((e) => e.field)).toEqual([field]);
    expect(errors[0].message).toEqual(expect.any(String));
    expect(errors[0].message.length).toBeGreaterThan(0);
  });

  it('accepts the current year and 1800 as founding years', () => {
    expect(build({ foundedYear: NOW.getUTCFullYear() }).errors).toEqual([]);
    expect(build({ foundedYear: 1800 }).errors).toEqual([]);
  });

  it('names the offending values in list errors', () => {
    const { errors } = build({ needs: ['EXPORT', 'TIME_TRAVEL'], targetEconomies: ['FR'] });
    expect(errors.find((e) => e.field === 'needs')?.message).toContain('TIME_TRAVEL');
    expect(errors.find((e) => e.field === 'targetEconomies')?.message).toContain('FR');
  });

  it('reports every invalid field at once', () => {
    const { record, errors } = build({ economy: 'FR', employees: -1, languages: [] });
    expect(record).toBeUndefined();
    expect(errors.map((e) => e.field).sort()).toEqual(['economy', 'employees', 'languages']);
  });

  it('removes duplicates from lists, keeping the first occurrence order', () => {
    const { record } = build({
      needs: ['EXPORT', 'FINANCE', 'EXPORT'],
      targetEconomies: ['JP', 'JP', 'SG'],
      languages: ['th', 'en', 'th', 'en'],
    });
    expect(record?.needs).toEqual(['EXPORT', 'FINANCE']);
    expect(record?.targetEconomies).toEqual(['JP', 'SG']);
    expect(record?.languages).toEqual(['th', 'en']);
  });

  // Whole percentages hit the thresholds exactly; doubles cover values such as 50.99 or 29.5.
  const percent = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true }));

  it('womenOwned ⇔ ownership ≥ 51, and womenLed ⇒ the IFC women-led criteria, for any valid input', () => {
    fc.assert(
      fc.property(
        percent,
        fc.boolean(),
        fc.option(percent, { nil: null }),
        (ownership, topManagement, board) => {
          const { record, errors } = build({
            womenOwnershipPercent: ownership,
            womanInTopManagement: topManagement,
            boardWomenPercent: board,
          });
          expect(errors).toEqual([]);
          expect(record).toBeDefined();
          const r = record!;
          expect(r.womenOwned).toBe(ownership >= 51);
          if (r.womenLed) {
            expect(topManagement).toBe(true);
            expect(ownership).toBeGreaterThanOrEqual(20);
            expect(board === null || board >= 30).toBe(true);
          }
          // and the converse: meeting every criterion makes it women-led
          const meetsAll = topManagement && ownership >= 20 && (board === null || board >= 30);
          expect(r.womenLed).toBe(meetsAll);
        },
      ),
      { numRuns: 500 },
    );
  });
});
