import type { MentorshipActivity, RequestActivity } from '@app/mentorships';
import { MentorshipStatus, RequestStatus } from '@app/mentorships';
import type { MentorCohortFacts, OrganizationCohortFacts } from '@app/profiles';
import { Locality, SizeClass } from '@app/taxonomy';
import {
  reportCsv,
  reportFigures,
  suppress,
  type CellFigures,
  type ReportFigures,
  type ReportSources,
} from './program-report';

const org = (id: string, facts: Partial<OrganizationCohortFacts> = {}): OrganizationCohortFacts => ({
  id,
  economy: 'TH',
  isicSection: 'C',
  womenLed: true,
  locality: Locality.SUB_REGIONAL,
  sizeClass: SizeClass.MICRO,
  activeMentorships: 0,
  ...facts,
});
const mentor = (id: string, facts: Partial<MentorCohortFacts> = {}): MentorCohortFacts => ({
  id,
  economy: 'TH',
  capacity: 3,
  activeMentorships: 0,
  acceptingRequests: true,
  placesLeft: 3,
  ...facts,
});
const request = (
  organizationId: string,
  status: RequestStatus,
  hoursToDecision: number | null,
  createdAt = '2026-03-10T08:00:00Z',
): RequestActivity => ({
  organizationId,
  mentorId: 'm1',
  status,
  createdAt: new Date(createdAt),
  hoursToDecision,
});
const mentorship = (
  id: string,
  organizationId: string,
  mentorId: string,
  facts: Partial<MentorshipActivity> = {},
): MentorshipActivity => ({
  id,
  organizationId,
  mentorId,
  status: MentorshipStatus.ACTIVE,
  startedAt: new Date('2026-03-11T08:00:00Z'),
  outcomes: 0,
  ...facts,
});

/** Six organisations (one metropolitan and not women-led), two mentors (one abroad). */
function fixture(): ReportSources {
  return {
    organizations: [
      org('o1'),
      org('o2'),
      org('o3'),
      org('o4'),
      org('o5'),
      org('o6', { locality: Locality.METROPOLITAN, womenLed: false, economy: 'VN' }),
    ],
    mentors: [mentor('m1', { economy: 'JP', activeMentorships: 1 }), mentor('m2', { activeMentorships: 2 })],
    requests: [
      request('o1', RequestStatus.ACCEPTED, 2),
      request('o2', RequestStatus.DECLINED, 4),
      request('o3', RequestStatus.ACCEPTED, 1),
      request('o4', RequestStatus.PENDING, null),
      request('o5', RequestStatus.CANCELLED, 3),
      request('o6', RequestStatus.ACCEPTED, 10, '2026-04-01T00:00:00Z'),
    ],
    mentorships: [
      mentorship('s1', 'o1', 'm1', { outcomes: 2 }),
      mentorship('s3', 'o3', 'm2'),
      mentorship('s6', 'o6', 'm2', { startedAt: new Date('2026-04-01T01:00:00Z') }),
    ],
    scores: new Map([
      ['s1', 70],
      ['s3', 81],
      ['s6', 50],
    ]),
  };
}

describe('reportFigures', () => {
  it('computes each figure exactly, in total and by group', () => {
    const figures = reportFigures(fixture());
    expect(figures.totals).toEqual({
      key: 'all',
      organizations: 6,
      requests: 6,
      acceptanceRate: 3 / 4,
      medianHoursToDecision: 3,
      matchRate: 3 / 6,
      averageScore: 67,
      crossEconomyLinks: 2, // o1 (TH) with m1 (JP); o6 (VN) with m2 (TH)
      outcomes: 2,
    });
    expect(figures.byWomenLed.map((c) => [c.key, c.organizations, c.requests])).toEqual([
      ['not women-led', 1, 1],
      ['women-led', 5, 5],
    ]);
    expect(figures.byWomenLed[1].acceptanceRate).toBe(2 / 3);
    expect(figures.byLocality.map((c) => c.key)).toEqual(['METROPOLITAN', 'SUB_REGIONAL']);
    expect(figures.byEconomy.map((c) => [c.key, c.organizations])).toEqual([
      ['TH', 5],
      ['VN', 1],
    ]);
    expect(figures.utilisation).toEqual({ mentors: 2, rate: 3 / 6 });
    expect(figures.monthly).toEqual([
      { month: '2026-03', organizations: 5, requests: 5, accepted: 2, mentorshipsStarted: 2 },
      { month: '2026-04', organizations: 1, requests: 1, accepted: 1, mentorshipsStarted: 1 },
    ]);
  });

  it('keeps rates exact: 7 accepted of 13 decided is 7/13', () => {
    const orgs = Array.from({ length: 13 }, (_, i) => org(`o${i}`));
    const figures = reportFigures({
      organizations: orgs,
      mentors: [],
      requests: orgs.map((o, i) => request(o.id, i < 7 ? RequestStatus.ACCEPTED : RequestStatus.DECLINED, 1)),
      mentorships: [],
      scores: new Map(),
    });
    expect(figures.totals.acceptanceRate).toBe(7 / 13);
    expect(figures.utilisation.rate).toBeNull();
  });

  it('describes an empty cohort without dividing by nothing', () => {
    const figures = reportFigures({
      organizations: [],
      mentors: [],
      requests: [],
      mentorships: [],
      scores: new Map(),
    });
    expect(figures.totals).toMatchObject({ organizations: 0, matchRate: 0, acceptanceRate: null });
    expect(figures.byEconomy).toEqual([]);
    expect(figures.monthly).toEqual([]);
  });
});

const cellFigures = (key: string, organizations: number): CellFigures => ({
  key,
  organizations,
  requests: 3,
  acceptanceRate: 0.5,
  medianHoursToDecision: 2,
  matchRate: 0.25,
  averageScore: 60,
  crossEconomyLinks: 1,
  outcomes: 1,
});
const figuresWith = (over: Partial<ReportFigures>): ReportFigures => ({
  totals: cellFigures('all', 20),
  byEconomy: [],
  byIsicSection: [],
  byWomenLed: [],
  byLocality: [],
  bySizeClass: [],
  utilisation: { mentors: 5, rate: 0.4 },
  monthly: [],
  ...over,
});

describe('suppress: the one rule for every output', () => {
  it.each([
    [0, true],
    [1, true],
    [4, true],
    [5, false],
    [6, false],
  ])('a cell of %p organisations: suppressed %p, with none of its figures', (organizations, suppressed) => {
    const report = suppress(figuresWith({ byIsicSection: [cellFigures('G', organizations)] }));
    const [cell] = report.byIsicSection;
    expect(cell.suppressed).toBe(suppressed);
    if (suppressed) {
      expect(cell).toEqual({
        key: 'G',
        suppressed: true,
        organizations: null,
        requests: null,
        acceptanceRate: null,
        medianHoursToDecision: null,
        matchRate: null,
        averageScore: null,
        crossEconomyLinks: null,
        outcomes: null,
      });
    } else {
      expect(cell).toEqual({ ...cellFigures('G', organizations), suppressed: false });
    }
  });

  it.each([
    [4, true],
    [5, false],
  ])('a month with %p organisations active: suppressed %p', (organizations, suppressed) => {
    const month = { month: '2026-03', organizations, requests: 9, accepted: 4, mentorshipsStarted: 3 };
    expect(suppress(figuresWith({ monthly: [month] })).monthly).toEqual([
      suppressed
        ? { month: '2026-03', suppressed: true, requests: null, accepted: null, mentorshipsStarted: null }
        : { month: '2026-03', suppressed: false, requests: 9, accepted: 4, mentorshipsStarted: 3 },
    ]);
  });

  it.each([
    { name: 'over 5 mentors', mentors: 5, totals: 20, rate: 0.4, shown: 0.4 },
    {
      name: 'over 4 mentors (one mentor’s load could be told)',
      mentors: 4,
      totals: 20,
      rate: 0.4,
      shown: null,
    },
    { name: 'when the totals are suppressed', mentors: 9, totals: 3, rate: 0.4, shown: null },
    { name: 'over no capacity', mentors: 9, totals: 20, rate: null, shown: null },
  ])('utilisation $name', ({ mentors, totals, rate, shown }) => {
    const report = suppress(
      figuresWith({ totals: cellFigures('all', totals), utilisation: { mentors, rate } }),
    );
    expect(report.mentorUtilisation).toBe(shown);
  });
});

describe('reportCsv', () => {
  const report = suppress(reportFigures(fixture()));
  const csv = reportCsv(report);
  const lines = csv.split('\n');

  it('prints each cell, rounded once, and a suppressed one with no figures at all', () => {
    expect(lines[0]).toBe(
      'dimension,key,organizations,suppressed,requests,acceptance_rate,median_hours_to_decision,match_rate,average_score,cross_economy_links,outcomes',
    );
    expect(lines[1]).toBe('total,all,6,0,6,0.75,3,0.5,67,2,2');
    expect(lines).toContain('women_led,not women-led,,1,,,,,,,');
    expect(lines).toContain('women_led,women-led,5,0,5,0.6667,2,0.4,75.5,1,2');
    expect(lines).toContain('locality,METROPOLITAN,,1,,,,,,,');
    expect(lines).toContain('economy,VN,,1,,,,,,,');
  });

  it('prints the months the page shows, and withholds the others and the utilisation alike', () => {
    expect(lines).toContain('month,suppressed,requests,accepted,mentorships_started');
    expect(lines).toContain('2026-03,0,5,2,2'); // o1–o5 active
    expect(lines).toContain('2026-04,1,,,'); // o6 alone
  });

  it('shows no figure the suppressed report withholds', () => {
    const withheld = [
      ...[report.totals, ...report.byEconomy, ...report.byIsicSection, ...report.byWomenLed]
        .concat(report.byLocality, report.bySizeClass)
        .filter((c) => c.suppressed)
        .map((c) => c.key),
    ];
    expect(withheld.length).toBeGreaterThan(0);
    for (const key of withheld) {
      const line = lines.find((l) => l.split(',')[1] === key)!;
      expect(line.split(',').slice(2)).toEqual(['', '1', '', '', '', '', '', '', '']);
    }
    expect(lines[lines.length - 1]).toBe('mentor_utilisation,');
  });
});
