import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, isAdmin } from '@app/common';
import { DEFAULT_WEIGHTS, scoreMatch, scoredMentor, scoredOrganization } from '@app/matching';
import { programActivity } from '@app/mentorships';
import { ProfileSnapshotsService } from '@app/profiles';
import { ProgramsService } from '@app/programs';
import { reportCsv, reportFigures, suppress, type ProgramReport } from './program-report';
import { activityWindow, checkFilter, selectOrganizations, type ReportFilter } from './report-filter';

/**
 * A programme's match report: the activity between its cohort's organisations and mentors
 * (requests, decisions, mentorships, outcomes), in total and broken down by the organisations'
 * economy, ISIC section, women-led status, locality and size class, and by month. Figures
 * describing fewer than 5 organisations are withheld (`suppress`). Program managers see the
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
    checkFilter(actor, filter);
    const manager = this.dataSource.manager;
    const cohort = await this.programs.cohortFacts(program.id, manager);
    const organizations = selectOrganizations(
      cohort.organizations,
      isAdmin(actor) ? null : actor.managedEconomies,
      filter,
    );
    const { requests, mentorships } = await programActivity(manager, {
      organizationIds: organizations.map((o) => o.id),
      mentorIds: cohort.mentors.map((m) => m.id),
      ...activityWindow(filter),
    });
    // Scores of the mentorships' pairs, under the programme's weights, from current profiles.
    const orgs = new Map(
      (
        await this.profiles.organizations({ ids: [...new Set(mentorships.map((s) => s.organizationId))] })
      ).map((o) => [o.id, scoredOrganization(o)]),
    );
    const mentors = new Map(
      (await this.profiles.mentors({ ids: [...new Set(mentorships.map((s) => s.mentorId))] })).map((m) => [
        m.id,
        scoredMentor(m),
      ]),
    );
    const weights = program.weights ?? DEFAULT_WEIGHTS;
    const scores = new Map<string, number>();
    for (const s of mentorships) {
      const org = orgs.get(s.organizationId);
      const mentor = mentors.get(s.mentorId);
      const match = org && mentor ? scoreMatch(org, mentor, weights) : null;
      if (match) scores.set(s.id, match.score);
    }
    return suppress(reportFigures({ organizations, mentors: cohort.mentors, requests, mentorships, scores }));
  }

  /** The report as CSV (the same suppressed report, so the same figures as the page). */
  async exportCsv(actor: Actor, programId: string, filter: ReportFilter = {}): Promise<string> {
    return reportCsv(await this.report(actor, programId, filter));
  }
}
