import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, DATE_MAX, DATE_MIN, badInput, forbidden, isAdmin, isDateInRange } from '@app/common';
import { DEFAULT_WEIGHTS, scoreMatch, scoredMentor, scoredOrganization } from '@app/matching';
import { ProfileSnapshotsService } from '@app/profiles';
import { EconomyCode, ISIC_SECTIONS, Locality, SizeClass, isEconomyCode } from '@app/taxonomy';
import { ProgramsService } from '@app/programs';

/** Cells describing fewer organisations than this are suppressed (figures withheld). */
export const MIN_CELL_ORGANIZATIONS = 5;

export interface ReportCell {
  key: string;
  organizations: number;
  suppressed: boolean;
  requests: number | null;
  acceptanceRate: number | null;
  medianHoursToDecision: number | null;
  matchRate: number | null;
  averageScore: number | null;
  crossEconomyLinks: number | null;
  outcomes: number | null;
}

/**
 * Narrows a report: the organisation fields pick the cohort's organisations it describes; `from`
 * and `to` (inclusive ISO dates) keep the activity in that window (requests by the day they were
 * sent, mentorships and their outcomes by the day the mentorship started).
 */
export interface ReportFilter {
  economy?: string | null;
  isicSection?: string | null;
  womenLed?: boolean | null;
  locality?: Locality | null;
  sizeClass?: SizeClass | null;
  from?: string | null;
  to?: string | null;
}

export interface MonthFigures {
  month: string;
  requests: number;
  accepted: number;
  mentorshipsStarted: number;
}

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

interface OrgFacts {
  id: string;
  economy: string;
  isic_section: string;
  women_led: boolean;
  locality: string;
  size_class: string;
  requests: number;
  decision_hours: number[];
  accepted: number;
  has_active: boolean;
  scores: number[];
  cross_economy: number;
  outcomes: number;
}

const round = (x: number, places = 4): number => Math.round(x * 10 ** places) / 10 ** places;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function nextDay(isoDate: string): string {
  const day = new Date(`${isoDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString();
}

/** Refuses codes that do not exist (BAD_USER_INPUT) and economies the actor does not manage. */
function checkFilter(actor: Actor, filter: ReportFilter): void {
  if (filter.economy != null) {
    if (!isEconomyCode(filter.economy))
      throw badInput('economy must be an APEC economy code', { field: 'filter.economy' });
    if (!isAdmin(actor) && !actor.managedEconomies.includes(filter.economy as EconomyCode))
      throw forbidden(`You do not manage economy ${filter.economy}`);
  }
  if (filter.isicSection != null && !ISIC_SECTIONS.some((s) => s.code === filter.isicSection))
    throw badInput('isicSection must be an ISIC section letter (A to U)', { field: 'filter.isicSection' });
  for (const field of ['from', 'to'] as const) {
    const value = filter[field];
    if (value != null && !isDateInRange(value)) {
      throw badInput(`${field} must be a date as YYYY-MM-DD from ${DATE_MIN} to ${DATE_MAX}`, {
        field: `filter.${field}`,
      });
    }
  }
  if (filter.from != null && filter.to != null && filter.from > filter.to)
    throw badInput('to must not be before from', { field: 'filter.to' });
}

/**
 * A programme's match report: the activity between its cohort's organisations and mentors
 * (requests, decisions, mentorships, outcomes), in total and broken down by the organisations'
 * economy, ISIC section, women-led status, locality and size class. A cell describing fewer
 * than MIN_CELL_ORGANIZATIONS organisations shows its count only. Program managers see the
 * organisations of the economies they manage.
 */
@Injectable()
export class ProgramReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly programs: ProgramsService,
    private readonly profiles: ProfileSnapshotsService,
  ) {}

  async report(actor: Actor, programId: string, filter: ReportFilter = {}): Promise<ProgramReport> {
    const program = await this.programs.findOne(actor, programId);
    const economies = isAdmin(actor) ? null : actor.managedEconomies;
    checkFilter(actor, filter);
    // The activity window as half-open timestamps: [from 00:00 UTC, the day after `to`).
    const since = filter.from ? `${filter.from}T00:00:00Z` : null;
    const until = filter.to ? nextDay(filter.to) : null;
    const orgRows: Array<
      Omit<
        OrgFacts,
        'requests' | 'decision_hours' | 'accepted' | 'has_active' | 'scores' | 'cross_economy' | 'outcomes'
      >
    > = await this.dataSource.query(
      `SELECT o.id, o.economy, o.isic_section, o.women_led, o.locality, o.size_class
           FROM organizations o JOIN program_organizations po ON po.organization_id = o.id
          WHERE po.program_id = $1 AND ($2::text[] IS NULL OR o.economy = ANY($2::text[]))
            AND ($3::text IS NULL OR o.economy = $3) AND ($4::text IS NULL OR o.isic_section = $4)
            AND ($5::boolean IS NULL OR o.women_led = $5) AND ($6::text IS NULL OR o.locality = $6)
            AND ($7::text IS NULL OR o.size_class = $7)
          ORDER BY o.id`,
      [
        program.id,
        economies,
        filter.economy ?? null,
        filter.isicSection ?? null,
        filter.womenLed ?? null,
        filter.locality ?? null,
        filter.sizeClass ?? null,
      ],
    );
    const orgIds = orgRows.map((o) => o.id);
    const requests: Array<{ organization_id: string; status: string; hours: number | null }> =
      await this.dataSource.query(
        `SELECT r.organization_id, r.status,
                EXTRACT(EPOCH FROM (r.decided_at - r.created_at)) / 3600 AS hours
           FROM mentorship_requests r JOIN program_mentors pm ON pm.mentor_id = r.mentor_id AND pm.program_id = $1
          WHERE r.organization_id = ANY($2::uuid[])
            AND ($3::timestamptz IS NULL OR r.created_at >= $3) AND ($4::timestamptz IS NULL OR r.created_at < $4)`,
        [program.id, orgIds, since, until],
      );
    const mentorships: Array<{
      id: string;
      organization_id: string;
      mentor_id: string;
      status: string;
      cross: boolean;
    }> = await this.dataSource.query(
      `SELECT s.id, s.organization_id, s.mentor_id, s.status, m.economy <> o.economy AS cross
           FROM mentorships s
           JOIN program_mentors pm ON pm.mentor_id = s.mentor_id AND pm.program_id = $1
           JOIN mentor_profiles m ON m.id = s.mentor_id
           JOIN organizations o ON o.id = s.organization_id
          WHERE s.organization_id = ANY($2::uuid[])
            AND ($3::timestamptz IS NULL OR s.started_at >= $3) AND ($4::timestamptz IS NULL OR s.started_at < $4)`,
      [program.id, orgIds, since, until],
    );
    const outcomes: Array<{ organization_id: string; n: number }> = await this.dataSource.query(
      `SELECT organization_id, count(*)::int AS n FROM mentorship_outcomes
        WHERE mentorship_id = ANY($1::uuid[]) AND kind <> 'NONE' GROUP BY organization_id`,
      [mentorships.map((s) => s.id)],
    );
    // Scores of the mentorships' pairs, under the programme's weights, from current profiles.
    const orgSnapshots = new Map((await this.profiles.organizations({ ids: orgIds })).map((o) => [o.id, o]));
    const mentorSnapshots = new Map(
      (await this.profiles.mentors({ ids: [...new Set(mentorships.map((s) => s.mentor_id))] })).map((m) => [
        m.id,
        m,
      ]),
    );
    const weights = program.weights ?? DEFAULT_WEIGHTS;

    const facts = new Map<string, OrgFacts>(
      orgRows.map((o) => [
        o.id,
        {
          ...o,
          requests: 0,
          decision_hours: [],
          accepted: 0,
          has_active: false,
          scores: [],
          cross_economy: 0,
          outcomes: 0,
        },
      ]),
    );
    for (const r of requests) {
      const f = facts.get(r.organization_id)!;
      f.requests++;
      if (r.status === 'ACCEPTED' || r.status === 'DECLINED') f.decision_hours.push(Number(r.hours));
      if (r.status === 'ACCEPTED') f.accepted++;
    }
    for (const s of mentorships) {
      const f = facts.get(s.organization_id)!;
      if (s.status === 'ACTIVE') f.has_active = true;
      if (s.cross) f.cross_economy++;
      const org = orgSnapshots.get(s.organization_id);
      const mentor = mentorSnapshots.get(s.mentor_id);
      const match = org && mentor ? scoreMatch(scoredOrganization(org), scoredMentor(mentor), weights) : null;
      if (match) f.scores.push(match.score);
    }
    for (const o of outcomes) facts.get(o.organization_id)!.outcomes = o.n;

    const all = [...facts.values()];
    const cell = (key: string, group: OrgFacts[]): ReportCell => {
      const organizations = group.length;
      if (organizations < MIN_CELL_ORGANIZATIONS) {
        return {
          key,
          organizations,
          suppressed: true,
          requests: null,
          acceptanceRate: null,
          medianHoursToDecision: null,
          matchRate: null,
          averageScore: null,
          crossEconomyLinks: null,
          outcomes: null,
        };
      }
      const decisions = group.flatMap((f) => f.decision_hours);
      const accepted = group.reduce((n, f) => n + f.accepted, 0);
      const scores = group.flatMap((f) => f.scores);
      const med = median(decisions);
      return {
        key,
        organizations,
        suppressed: false,
        requests: group.reduce((n, f) => n + f.requests, 0),
        acceptanceRate: decisions.length ? round(accepted / decisions.length) : null,
        medianHoursToDecision: med === null ? null : round(med, 2),
        matchRate: round(group.filter((f) => f.has_active).length / organizations),
        averageScore: scores.length ? round(scores.reduce((a, b) => a + b, 0) / scores.length, 2) : null,
        crossEconomyLinks: group.reduce((n, f) => n + f.cross_economy, 0),
        outcomes: group.reduce((n, f) => n + f.outcomes, 0),
      };
    };
    const by = (keyOf: (f: OrgFacts) => string): ReportCell[] => {
      const groups = new Map<string, OrgFacts[]>();
      for (const f of all) {
        const key = keyOf(f);
        groups.set(key, [...(groups.get(key) ?? []), f]);
      }
      return [...groups.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([key, group]) => cell(key, group));
    };

    const [utilisation] = await this.dataSource.query(
      `SELECT sum(m.active_mentorships)::float / NULLIF(sum(m.capacity), 0) AS rate
         FROM mentor_profiles m JOIN program_mentors pm ON pm.mentor_id = m.id WHERE pm.program_id = $1`,
      [program.id],
    );
    const monthly: Array<{ month: string; requests: number; accepted: number; started: number }> =
      await this.dataSource.query(
        `WITH r AS (
           SELECT date_trunc('month', r.created_at) AS month, r.status
             FROM mentorship_requests r JOIN program_mentors pm ON pm.mentor_id = r.mentor_id AND pm.program_id = $1
            WHERE r.organization_id = ANY($2::uuid[])
              AND ($3::timestamptz IS NULL OR r.created_at >= $3) AND ($4::timestamptz IS NULL OR r.created_at < $4)
         ), s AS (
           SELECT date_trunc('month', s.started_at) AS month
             FROM mentorships s JOIN program_mentors pm ON pm.mentor_id = s.mentor_id AND pm.program_id = $1
            WHERE s.organization_id = ANY($2::uuid[])
              AND ($3::timestamptz IS NULL OR s.started_at >= $3) AND ($4::timestamptz IS NULL OR s.started_at < $4)
         ), months AS (SELECT month FROM r UNION SELECT month FROM s)
         SELECT to_char(months.month, 'YYYY-MM') AS month,
                (SELECT count(*) FROM r WHERE r.month = months.month)::int AS requests,
                (SELECT count(*) FROM r WHERE r.month = months.month AND r.status = 'ACCEPTED')::int AS accepted,
                (SELECT count(*) FROM s WHERE s.month = months.month)::int AS started
           FROM months ORDER BY months.month`,
        [program.id, orgIds, since, until],
      );
    return {
      totals: cell('all', all),
      byEconomy: by((f) => f.economy),
      byIsicSection: by((f) => f.isic_section),
      byWomenLed: by((f) => (f.women_led ? 'women-led' : 'not women-led')),
      byLocality: by((f) => f.locality),
      bySizeClass: by((f) => f.size_class),
      mentorUtilisation:
        utilisation?.rate === null || utilisation?.rate === undefined
          ? null
          : round(Number(utilisation.rate)),
      monthly: monthly.map((m) => ({
        month: m.month,
        requests: m.requests,
        accepted: m.accepted,
        mentorshipsStarted: m.started,
      })),
    };
  }

  /** The report as CSV: one line per cell, then the monthly series. */
  async exportCsv(actor: Actor, programId: string, filter: ReportFilter = {}): Promise<string> {
    const report = await this.report(actor, programId, filter);
    const value = (v: number | null): string => (v === null ? '' : String(v));
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
            c.organizations,
            c.suppressed ? 1 : 0,
            value(c.requests),
            value(c.acceptanceRate),
            value(c.medianHoursToDecision),
            value(c.matchRate),
            value(c.averageScore),
            value(c.crossEconomyLinks),
            value(c.outcomes),
          ].join(','),
        );
      }
    }
    lines.push('', 'month,requests,accepted,mentorships_started');
    for (const m of report.monthly)
      lines.push(`${m.month},${m.requests},${m.accepted},${m.mentorshipsStarted}`);
    lines.push('', `mentor_utilisation,${value(report.mentorUtilisation)}`);
    return lines.join('\n');
  }
}
