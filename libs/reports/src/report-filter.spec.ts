import { Role, type Actor } from '@app/common';
import type { OrganizationCohortFacts } from '@app/profiles';
import { Locality, SizeClass } from '@app/taxonomy';
import { activityWindow, checkFilter, selectOrganizations, type ReportFilter } from './report-filter';

const org = (id: string, facts: Partial<OrganizationCohortFacts>): OrganizationCohortFacts => ({
  id,
  economy: 'TH',
  isicSection: 'C',
  womenLed: false,
  locality: Locality.METROPOLITAN,
  sizeClass: SizeClass.MICRO,
  activeMentorships: 0,
  ...facts,
});

const cohort = [
  org('th-women', { womenLed: true }),
  org('th-rural', { locality: Locality.RURAL, sizeClass: SizeClass.SMALL }),
  org('vn-trade', { economy: 'VN', isicSection: 'G' }),
];

describe('selectOrganizations', () => {
  it.each<{ name: string; economies: string[] | null; filter: ReportFilter; expected: string[] }>([
    {
      name: 'an admin, no filter',
      economies: null,
      filter: {},
      expected: ['th-women', 'th-rural', 'vn-trade'],
    },
    { name: 'a manager of TH', economies: ['TH'], filter: {}, expected: ['th-women', 'th-rural'] },
    { name: 'economy VN', economies: null, filter: { economy: 'VN' }, expected: ['vn-trade'] },
    { name: 'a manager of TH asking for VN', economies: ['TH'], filter: { economy: 'VN' }, expected: [] },
    { name: 'ISIC section G', economies: null, filter: { isicSection: 'G' }, expected: ['vn-trade'] },
    { name: 'women-led', economies: null, filter: { womenLed: true }, expected: ['th-women'] },
    {
      name: 'not women-led',
      economies: null,
      filter: { womenLed: false },
      expected: ['th-rural', 'vn-trade'],
    },
    { name: 'rural', economies: null, filter: { locality: Locality.RURAL }, expected: ['th-rural'] },
    { name: 'small', economies: null, filter: { sizeClass: SizeClass.SMALL }, expected: ['th-rural'] },
    {
      name: 'two fields at once',
      economies: null,
      filter: { economy: 'TH', sizeClass: SizeClass.MICRO },
      expected: ['th-women'],
    },
    {
      name: 'nulls as no filter',
      economies: null,
      filter: { womenLed: null, economy: null },
      expected: ['th-women', 'th-rural', 'vn-trade'],
    },
  ])('$name', ({ economies, filter, expected }) => {
    expect(selectOrganizations(cohort, economies, filter).map((o) => o.id)).toEqual(expected);
  });
});

describe('activityWindow', () => {
  it.each([
    [{}, null, null],
    [{ from: '2026-03-01' }, '2026-03-01T00:00:00.000Z', null],
    [{ to: '2026-03-31' }, null, '2026-04-01T00:00:00.000Z'],
    [{ from: '2024-02-28', to: '2024-02-29' }, '2024-02-28T00:00:00.000Z', '2024-03-01T00:00:00.000Z'],
    [{ to: '2025-12-31' }, null, '2026-01-01T00:00:00.000Z'],
  ])('%p → [%p, %p)', (filter, since, until) => {
    const window = activityWindow(filter);
    expect(window.since?.toISOString() ?? null).toBe(since);
    expect(window.until?.toISOString() ?? null).toBe(until);
  });
});

describe('checkFilter', () => {
  const manager: Actor = { userId: 'u', roles: [Role.PROGRAM_MANAGER], managedEconomies: ['TH'] };
  const admin: Actor = { userId: 'a', roles: [Role.ADMIN], managedEconomies: [] };

  it.each<[string, Actor, ReportFilter, string | null]>([
    ['no filter', manager, {}, null],
    ['an economy managed', manager, { economy: 'TH' }, null],
    ['an economy not managed', manager, { economy: 'VN' }, 'FORBIDDEN'],
    ['any economy, for an admin', admin, { economy: 'VN' }, null],
    ['an unknown economy', admin, { economy: 'XX' }, 'BAD_USER_INPUT'],
    ['an unknown ISIC section', admin, { isicSection: 'Z' }, 'BAD_USER_INPUT'],
    ['a day that does not exist', admin, { from: '2026-02-31' }, 'BAD_USER_INPUT'],
    ['to before from', admin, { from: '2026-03-02', to: '2026-03-01' }, 'BAD_USER_INPUT'],
    ['one day', admin, { from: '2026-03-01', to: '2026-03-01' }, null],
  ])('%s', (_, actor, filter, code) => {
    if (code === null) expect(() => checkFilter(actor, filter)).not.toThrow();
    else expect(() => checkFilter(actor, filter)).toThrow(expect.objectContaining({ code }));
  });
});
