import type { MentorshipActivity, RequestActivity } from '@app/mentorships';
import type { MentorCohortFacts, OrganizationCohortFacts } from '@app/profiles';

/** Figures describing fewer organisations than this are withheld (the count of them too). */
export const MIN_CELL_ORGANIZATIONS = 5;
/** Mentor utilisation over fewer mentors than this is withheld: it would tell one mentor's load. */
export const MIN_UTILISATION_MENTORS = 5;

/** The figures of one group of organisations, before suppression. */
export interface CellFigures {
  key: string;
  organizations: number;
  requests: number;
  /** Accepted among decided (accepted or declined) requests; null with none decided. */
  acceptanceRate: number | null;
  medianHoursToDecision: number | null;
  /** Organisations with at least one active mentorship. */
  matchRate: number;
  averageScore: number | null;
  crossEconomyLinks: number;
  outcomes: number;
}

/** A month's activity, before suppression; `organizations` counts those active in it. */
export interface MonthActivity {
  month: string;
  organizations: number;
  requests: number;
  accepted: number;
  mentorshipsStarted: number;
}

/** Everything a report computes, before suppression: never an output. */
export interface ReportFigures {
  totals: CellFigures;
  byEconomy: CellFigures[];
  byIsicSection: CellFigures[];
  byWomenLed: CellFigures[];
  byLocality: CellFigures[];
  bySizeClass: CellFigures[];
  utilisation: { mentors: number; rate: number | null };
  monthly: MonthActivity[];
}

/** A cell as every output shows it: a suppressed one has no figures, not even its count. */
export type ReportCell = {
  key: string;
  suppressed: boolean;
} & { [K in Exclude<keyof CellFigures, 'key'>]: CellFigures[K] | null };

export interface MonthFigures {
  month: string;
  suppressed: boolean;
  requests: number | null;
  accepted: number | null;
  mentorshipsStarted: number | null;
}

/** A programme report as the API, the CSV and the web app's charts and tables get it. */
export interface ProgramReport {
  totals: ReportCell;
  byEconomy: ReportCell[];
  byIsicSection: ReportCell[];
  byWomenLed: ReportCell[];
  byLocality: ReportCell[];
  bySizeClass: ReportCell[];
  mentorUtilisation: number | null;
  monthly: MonthFigures[];
}

/** What a report is computed from, already narrowed to the organisations and window it describes. */
export interface ReportSources {
  organizations: readonly OrganizationCohortFacts[];
  /** The cohort's mentors (utilisation and cross-economy links). */
  mentors: readonly MentorCohortFacts[];
  requests: readonly RequestActivity[];
  mentorships: readonly MentorshipActivity[];
  /** Each mentorship's pair score under the programme's weights, by mentorship id (missing: none). */
  scores: ReadonlyMap<string, number>;
}

interface OrganizationActivity {
  org: OrganizationCohortFacts;
  requests: number;
  decisionHours: number[];
  accepted: number;
  hasActive: boolean;
  scores: number[];
  crossEconomy: number;
  outcomes: number;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** A calendar month (UTC) as YYYY-MM. */
const monthOf = (at: Date): string => at.toISOString().slice(0, 7);

function cellOf(key: string, group: readonly OrganizationActivity[]): CellFigures {
  const decisions = group.flatMap((f) => f.decisionHours);
  const scores = group.flatMap((f) => f.scores);
  return {
    key,
    organizations: group.length,
    requests: sum(group.map((f) => f.requests)),
    acceptanceRate: decisions.length ? sum(group.map((f) => f.accepted)) / decisions.length : null,
    medianHoursToDecision: median(decisions),
    matchRate: group.length ? group.filter((f) => f.hasActive).length / group.length : 0,
    averageScore: scores.length ? sum(scores) / scores.length : null,
    crossEconomyLinks: sum(group.map((f) => f.crossEconomy)),
    outcomes: sum(group.map((f) => f.outcomes)),
  };
}

function breakdown(
  all: readonly OrganizationActivity[],
  keyOf: (org: OrganizationCohortFacts) => string,
): CellFigures[] {
  const groups = new Map<string, OrganizationActivity[]>();
  for (const f of all) {
    const key = keyOf(f.org);
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, group]) => cellOf(key, group));
}

/**
 * The report's figures: activity between the organisations and the cohort's mentors, in total and
 * by economy, ISIC section, women-led, locality and size class, and by month. Exact: nothing is
 * rounded or withheld here (see `suppress`). Activity of organisations not given is ignored.
 */
export function reportFigures(s: ReportSources): ReportFigures {
  const facts = new Map<string, OrganizationActivity>(
    s.organizations.map((org) => [
      org.id,
      {
        org,
        requests: 0,
        decisionHours: [],
        accepted: 0,
        hasActive: false,
        scores: [],
        crossEconomy: 0,
        outcomes: 0,
      },
    ]),
  );
  const mentorEconomy = new Map(s.mentors.map((m) => [m.id, m.economy]));
  const months = new Map<string, MonthActivity & { active: Set<string> }>();
  const month = (at: Date) => {
    const key = monthOf(at);
    let m = months.get(key);
    if (!m) {
      m = {
        month: key,
        organizations: 0,
        requests: 0,
        accepted: 0,
        mentorshipsStarted: 0,
        active: new Set(),
      };
      months.set(key, m);
    }
    return m;
  };
  for (const r of s.requests) {
    const f = facts.get(r.organizationId);
    if (!f) continue;
    f.requests++;
    if ((r.status === 'ACCEPTED' || r.status === 'DECLINED') && r.hoursToDecision !== null) {
      f.decisionHours.push(r.hoursToDecision);
    }
    if (r.status === 'ACCEPTED') f.accepted++;
    const m = month(r.createdAt);
    m.requests++;
    if (r.status === 'ACCEPTED') m.accepted++;
    m.active.add(r.organizationId);
  }
  for (const ms of s.mentorships) {
    const f = facts.get(ms.organizationId);
    if (!f) continue;
    if (ms.status === 'ACTIVE') f.hasActive = true;
    const economy = mentorEconomy.get(ms.mentorId);
    if (economy !== undefined && economy !== f.org.economy) f.crossEconomy++;
    const score = s.scores.get(ms.id);
    if (score !== undefined) f.scores.push(score);
    f.outcomes += ms.outcomes;
    const m = month(ms.startedAt);
    m.mentorshipsStarted++;
    m.active.add(ms.organizationId);
  }
  const all = [...facts.values()];
  const capacity = sum(s.mentors.map((m) => m.capacity));
  return {
    totals: cellOf('all', all),
    byEconomy: breakdown(all, (o) => o.economy),
    byIsicSection: breakdown(all, (o) => o.isicSection),
    byWomenLed: breakdown(all, (o) => (o.womenLed ? 'women-led' : 'not women-led')),
    byLocality: breakdown(all, (o) => o.locality),
    bySizeClass: breakdown(all, (o) => o.sizeClass),
    utilisation: {
      mentors: s.mentors.length,
      rate: capacity === 0 ? null : sum(s.mentors.map((m) => m.activeMentorships)) / capacity,
    },
    monthly: [...months.values()]
      .sort((a, b) => (a.month < b.month ? -1 : 1))
      .map(({ active, ...m }) => ({ ...m, organizations: active.size })),
  };
}

/**
 * The one suppression rule, applied to everything a report outputs (the API, the CSV, and so the
 * web app's charts and tables): a cell or a month describing fewer than MIN_CELL_ORGANIZATIONS
 * organisations shows none of its figures, its count of organisations included; utilisation
 * shows only over at least MIN_UTILISATION_MENTORS mentors, and only when the totals show.
 */
export function suppress(figures: ReportFigures): ProgramReport {
  const cell = (c: CellFigures): ReportCell =>
    c.organizations < MIN_CELL_ORGANIZATIONS
      ? {
          key: c.key,
          suppressed: true,
          organizations: null,
          requests: null,
          acceptanceRate: null,
          medianHoursToDecision: null,
          matchRate: null,
          averageScore: null,
          crossEconomyLinks: null,
          outcomes: null,
        }
      : { ...c, suppressed: false };
  const totals = cell(figures.totals);
  return {
    totals,
    byEconomy: figures.byEconomy.map(cell),
    byIsicSection: figures.byIsicSection.map(cell),
    byWomenLed: figures.byWomenLed.map(cell),
    byLocality: figures.byLocality.map(cell),
    bySizeClass: figures.bySizeClass.map(cell),
    mentorUtilisation:
      totals.suppressed || figures.utilisation.mentors < MIN_UTILISATION_MENTORS
        ? null
        : figures.utilisation.rate,
    monthly: figures.monthly.map((m) =>
      m.organizations < MIN_CELL_ORGANIZATIONS
        ? { month: m.month, suppressed: true, requests: null, accepted: null, mentorshipsStarted: null }
        : {
            month: m.month,
            suppressed: false,
            requests: m.requests,
            accepted: m.accepted,
            mentorshipsStarted: m.mentorshipsStarted,
          },
    ),
  };
}

/** A figure for the CSV: rounded once, here, as the CSV shows it; withheld ones empty. */
const csvValue = (v: number | null, places = 4): string =>
  v === null ? '' : String(Math.round(v * 10 ** places) / 10 ** places);

/**
 * The report as CSV: one line per cell, then the monthly series, then utilisation. It prints the
 * suppressed report, so it shows exactly what the page shows.
 */
export function reportCsv(report: ProgramReport): string {
  const lines = [
    'dimension,key,organizations,suppressed,requests,acceptance_rate,median_hours_to_decision,match_rate,average_score,cross_economy_links,outcomes',
  ];
  const dimensions: Array<[string, ReportCell[]]> = [
    ['total', [report.totals]],
    ['economy', report.byEconomy],
    ['isic_section', report.byIsicSection],
    ['women_led', report.byWomenLed],
    ['locality', report.byLocality],
    ['size_class', report.bySizeClass],
  ];
  for (const [dimension, cells] of dimensions) {
    for (const c of cells) {
      lines.push(
        [
          dimension,
          c.key,
          csvValue(c.organizations),
          c.suppressed ? 1 : 0,
          csvValue(c.requests),
          csvValue(c.acceptanceRate),
          csvValue(c.medianHoursToDecision, 2),
          csvValue(c.matchRate),
          csvValue(c.averageScore, 2),
          csvValue(c.crossEconomyLinks),
          csvValue(c.outcomes),
        ].join(','),
      );
    }
  }
  lines.push('', 'month,suppressed,requests,accepted,mentorships_started');
  for (const m of report.monthly) {
    lines.push(
      [
        m.month,
        m.suppressed ? 1 : 0,
        csvValue(m.requests),
        csvValue(m.accepted),
        csvValue(m.mentorshipsStarted),
      ].join(','),
    );
  }
  lines.push('', `mentor_utilisation,${csvValue(report.mentorUtilisation)}`);
  return lines.join('\n');
}
