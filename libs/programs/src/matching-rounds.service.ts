import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { performance } from 'node:perf_hooks';
import { DataSource, EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { InfeasibleTargetError } from '@app/assignment';
import { AuditAction, AuditService } from '@app/audit';
import { Actor, DomainError, ErrorCode, badInput, isUuid, notFound } from '@app/common';
import { updateReturning } from '@app/database';
import {
  DEFAULT_WEIGHTS,
  MatchInterestsService,
  scoreMatch,
  scoredMentor,
  scoredOrganization,
} from '@app/matching';
import { ProfileSnapshotsService, mentorCohortFacts, organizationCohortFacts } from '@app/profiles';
import { JobOutbox } from '@app/queue';
import {
  MatchingRoundCandidateEntity,
  MatchingRoundEntity,
  MatchingRoundMentorEntity,
  MatchingRoundOrganizationEntity,
  ProgramEntity,
  RoundAlgorithm,
  RoundStatus,
} from './program.entities';
import { MATCHING_ROUND } from './program.jobs';
import { ProgramsService } from './programs.service';
import { RoundRequests } from './round-requests.port';
import {
  buildCohort,
  candidatesOf,
  type CohortSources,
  type RoundMentor,
  type RoundOrganization,
} from './rounds/round-cohort';
import { roundCsvs, type RoundCsvs } from './rounds/round-export';
import { overPlaces } from './rounds/round-places';
import { solveOf, summarizeRound } from './rounds/round-summary';
import { solveRound } from './rounds/round-solve';

export interface RoundInput {
  algorithm: RoundAlgorithm;
  maxMentorsPerOrganization?: number | null;
  minWomenLedShare?: number | null;
  minNonMetropolitanShare?: number | null;
}

/** What a solve stores beside the round, replaced as a whole when the job runs again. */
const ROUND_TABLES = ['matching_round_candidates', 'matching_round_organizations', 'matching_round_mentors'];

async function insertInChunks<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: Array<Partial<T>>,
): Promise<void> {
  // Well under PostgreSQL's 65,535 parameters per statement.
  for (let i = 0; i < rows.length; i += 1000) await manager.insert(entity, rows.slice(i, i + 1000) as never);
}

/**
 * Matching rounds: a job builds the cohort's candidate pairs (those passing the hard gates, not
 * already matched or asked), solves them with the chosen algorithm, and stores every candidate
 * with whether it was assigned; a program manager then publishes the round, which sends the
 * assigned pairs' requests.
 */
@Injectable()
export class MatchingRoundsService {
  private readonly logger = new Logger('MatchingRounds');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly programs: ProgramsService,
    private readonly profiles: ProfileSnapshotsService,
    private readonly requests: RoundRequests,
    private readonly audit: AuditService,
    private readonly outbox: JobOutbox,
    private readonly interests: MatchInterestsService,
  ) {}

  async start(actor: Actor, programId: string, input: RoundInput): Promise<MatchingRoundEntity> {
    const max = input.maxMentorsPerOrganization ?? 1;
    if (!Number.isInteger(max) || max < 1 || max > 3) {
      throw badInput('maxMentorsPerOrganization must be 1, 2 or 3', { field: 'maxMentorsPerOrganization' });
    }
    for (const field of ['minWomenLedShare', 'minNonMetropolitanShare'] as const) {
      const share = input[field];
      if (share != null && !(share >= 0 && share <= 1))
        throw badInput(`${field} must be from 0 to 1`, { field });
    }
    const round = await this.dataSource.transaction(async (manager) => {
      const program = await this.programs.findManaged(manager, actor, programId);
      const saved = await manager.save(
        manager.create(MatchingRoundEntity, {
          programId: program.id,
          algorithm: input.algorithm,
          maxMentorsPerOrganization: max,
          minWomenLedShare: input.minWomenLedShare ?? null,
          minNonMetropolitanShare: input.minNonMetropolitanShare ?? null,
          createdBy: actor.userId,
        }),
      );
      await this.audit.record(manager, {
        actorId: actor.userId,
        action: AuditAction.MATCHING_ROUND_STARTED,
        targetType: 'matching_round',
        targetId: saved.id,
        details: { programId: program.id, algorithm: input.algorithm },
      });
      await this.outbox.record(
        manager,
        MATCHING_ROUND,
        { roundId: saved.id },
        { jobId: `matching-round-${saved.id}` },
      );
      return saved;
    });
    return round;
  }

  /**
   * At start: queues again every round left QUEUED or RUNNING (the embedded queue loses its jobs
   * with the process; on BullMQ the deterministic job ids make this a no-op). Returns how many.
   */
  async resumeUnfinished(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const unfinished: Array<{ id: string }> = await manager.query(
        `SELECT id FROM matching_rounds WHERE status IN ('QUEUED', 'RUNNING')`,
      );
      await this.outbox.recordAll(
        manager,
        MATCHING_ROUND,
        unfinished.map(({ id }) => ({
          payload: { roundId: id },
          options: { jobId: `matching-round-${id}` },
        })),
      );
      return unfinished.length;
    });
  }

  /** The job: solves a queued round once (a second run of the job finds it done). */
  async run(roundId: string, onProgress?: (percent: number) => Promise<void>): Promise<void> {
    const claimed = await updateReturning(
      this.dataSource.manager,
      `UPDATE matching_rounds SET status = 'RUNNING', progress = 0
        WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') RETURNING id`,
      [roundId],
    );
    if (claimed.length === 0) return;
    const round = await this.dataSource.getRepository(MatchingRoundEntity).findOneByOrFail({ id: roundId });
    const started = performance.now();
    try {
      const cohort = buildCohort(await this.cohortSources(round));
      await this.setProgress(roundId, 30, onProgress);
      const { assignment, solve } = await solveRound(cohort, round, () =>
        this.setProgress(roundId, 60, onProgress),
      );
      const candidates = candidatesOf(cohort, assignment.chosen);
      const summary = summarizeRound(
        cohort.organizations,
        candidates.filter((c) => c.assigned),
        { ...solve, seconds: Math.round(performance.now() - started) / 1000 },
      );
      await this.dataSource.transaction(async (manager) => {
        // A job run again (a worker lost mid-write) replaces what an earlier run stored.
        for (const table of ROUND_TABLES) {
          await manager.query(`DELETE FROM ${table} WHERE round_id = $1`, [roundId]);
        }
        await insertInChunks(
          manager,
          MatchingRoundCandidateEntity,
          candidates.map((c) => ({ roundId, ...c })),
        );
        await insertInChunks(
          manager,
          MatchingRoundOrganizationEntity,
          cohort.organizations.map(({ id, ...facts }) => ({ roundId, organizationId: id, ...facts })),
        );
        await insertInChunks(
          manager,
          MatchingRoundMentorEntity,
          cohort.mentors.map((m) => ({ roundId, mentorId: m.id, places: m.places })),
        );
        await manager.update(MatchingRoundEntity, roundId, {
          status: RoundStatus.PROPOSED,
          progress: 100,
          summary,
          finishedAt: new Date(),
        });
      });
    } catch (err) {
      const reason =
        err instanceof InfeasibleTargetError || err instanceof DomainError
          ? err.message
          : `The round could not be computed: ${(err as Error).message}`;
      if (!(err instanceof InfeasibleTargetError) && !(err instanceof DomainError)) this.logger.error(reason);
      await this.dataSource.query(
        `UPDATE matching_rounds SET status = 'FAILED', error = $2, finished_at = now() WHERE id = $1`,
        [roundId, reason],
      );
    }
  }

  async findOne(actor: Actor, roundId: string): Promise<MatchingRoundEntity> {
    if (!isUuid(roundId)) throw notFound('Matching round');
    const round = await this.dataSource.getRepository(MatchingRoundEntity).findOneBy({ id: roundId });
    if (!round) throw notFound('Matching round');
    await this.programs.findOne(actor, round.programId).catch(() => {
      throw notFound('Matching round');
    });
    return round;
  }

  /** A programme's rounds, newest first (the programme is already visible to the caller). */
  async forProgram(programId: string): Promise<MatchingRoundEntity[]> {
    return this.dataSource
      .getRepository(MatchingRoundEntity)
      .find({ where: { programId }, order: { createdAt: 'DESC' }, take: 100 });
  }

  async candidates(roundId: string, assignedOnly: boolean): Promise<MatchingRoundCandidateEntity[]> {
    return this.dataSource.getRepository(MatchingRoundCandidateEntity).find({
      where: assignedOnly ? { roundId, assigned: true } : { roundId },
      order: { organizationId: 'ASC', score: 'DESC', mentorId: 'ASC' },
    });
  }

  /**
   * Sends the assigned pairs' requests (source ROUND). Once: a second call finds the round
   * published and does nothing. Pairs that no longer pass a gate are skipped and counted.
   */
  async publish(
    actor: Actor,
    roundId: string,
  ): Promise<{ round: MatchingRoundEntity; sent: number; skipped: number }> {
    const found = await this.findOne(actor, roundId);
    let sent = 0;
    let skipped = 0;
    await this.dataSource.transaction(async (manager) => {
      const program = await this.programs.findManaged(manager, actor, found.programId);
      const rows = await updateReturning(
        manager,
        `UPDATE matching_rounds SET status = 'PUBLISHED', published_at = now()
          WHERE id = $1 AND status = 'PROPOSED' RETURNING id`,
        [roundId],
      );
      if (rows.length === 0) {
        const current = await manager.findOneByOrFail(MatchingRoundEntity, { id: roundId });
        if (current.status === RoundStatus.PUBLISHED) return false;
        throw new DomainError(
          ErrorCode.CONFLICT,
          `Only a proposed round can be published (this one is ${current.status})`,
        );
      }
      const pairs = await manager.find(MatchingRoundCandidateEntity, { where: { roundId, assigned: true } });
      for (const pair of pairs) {
        const request = await this.requests.sendForRound(
          manager,
          pair,
          `Proposed by the matching round of ${program.name}.`,
          actor.userId,
        );
        if (request) sent++;
        else skipped++;
      }
      await this.audit.record(manager, {
        actorId: actor.userId,
        action: AuditAction.MATCHING_ROUND_PUBLISHED,
        targetType: 'matching_round',
        targetId: roundId,
        details: { sent, skipped },
      });
      return true;
    });
    const round = await this.dataSource.getRepository(MatchingRoundEntity).findOneByOrFail({ id: roundId });
    return { round, sent, skipped };
  }

  /**
   * Review: removes assigned pairs and assigns other candidates of the round, within the places
   * the round solved with; the summary follows (summarizeRound, over the cohort as the round saw
   * it). Only while the round is PROPOSED.
   */
  async revise(
    actor: Actor,
    roundId: string,
    remove: Array<{ organizationId: string; mentorId: string }>,
    add: Array<{ organizationId: string; mentorId: string }>,
  ): Promise<MatchingRoundEntity> {
    const found = await this.findOne(actor, roundId);
    return this.dataSource.transaction(async (manager) => {
      await this.programs.findManaged(manager, actor, found.programId);
      const round = await manager.findOne(MatchingRoundEntity, {
        where: { id: roundId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!round || round.status !== RoundStatus.PROPOSED) {
        throw new DomainError(ErrorCode.CONFLICT, 'Only a proposed round can be revised');
      }
      const set = async (pair: { organizationId: string; mentorId: string }, assigned: boolean) => {
        const rows = await updateReturning(
          manager,
          `UPDATE matching_round_candidates SET assigned = $4
            WHERE round_id = $1 AND organization_id = $2 AND mentor_id = $3 AND assigned = $5 RETURNING score`,
          [roundId, pair.organizationId, pair.mentorId, assigned, !assigned],
        );
        if (rows.length === 0) {
          throw badInput(
            assigned
              ? `${pair.organizationId} / ${pair.mentorId} is not an unassigned candidate of this round`
              : `${pair.organizationId} / ${pair.mentorId} is not assigned in this round`,
          );
        }
      };
      for (const pair of remove) await set(pair, false);
      for (const pair of add) await set(pair, true);
      const { organizations, mentors } = await this.solvedCohort(manager, roundId);
      const pairs = await manager.find(MatchingRoundCandidateEntity, { where: { roundId, assigned: true } });
      const over = overPlaces(organizations, mentors, pairs);
      if (over) {
        throw badInput(
          `The ${over.kind} ${over.id} would have ${over.pairs} pairs; it has room for ${over.places}`,
        );
      }
      if (round.summary) round.summary = summarizeRound(organizations, pairs, solveOf(round.summary));
      return manager.save(round);
    });
  }

  /** The round's assigned pairs with each score's breakdown, under the programme's weights. */
  async assignedWithBreakdown(roundId: string) {
    const pairs = await this.candidates(roundId, true);
    if (pairs.length === 0) return [];
    const round = await this.dataSource.getRepository(MatchingRoundEntity).findOneByOrFail({ id: roundId });
    const program = await this.dataSource
      .getRepository(ProgramEntity)
      .findOneByOrFail({ id: round.programId });
    const orgs = new Map(
      (await this.profiles.organizations({ ids: [...new Set(pairs.map((p) => p.organizationId))] })).map(
        (o) => [o.id, o],
      ),
    );
    const mentors = new Map(
      (await this.profiles.mentors({ ids: [...new Set(pairs.map((p) => p.mentorId))] })).map((m) => [
        m.id,
        m,
      ]),
    );
    return pairs.map((pair) => {
      const org = orgs.get(pair.organizationId);
      const mentor = mentors.get(pair.mentorId);
      const live =
        org && mentor
          ? scoreMatch(scoredOrganization(org), scoredMentor(mentor), program.weights ?? DEFAULT_WEIGHTS)
          : null;
      return { ...pair, breakdown: live?.breakdown ?? [] };
    });
  }

  /**
   * Every candidate pair, the organisations' and mentors' places and groups, as the round solved
   * them: enough to check optimality, whatever changed in the profiles since.
   */
  async export(actor: Actor, roundId: string): Promise<RoundCsvs> {
    const round = await this.findOne(actor, roundId);
    if (round.status !== RoundStatus.PROPOSED && round.status !== RoundStatus.PUBLISHED) {
      throw new DomainError(ErrorCode.CONFLICT, 'Only a computed round can be exported');
    }
    const candidates = await this.candidates(roundId, false);
    const { organizations, mentors } = await this.solvedCohort(this.dataSource.manager, roundId);
    return roundCsvs(candidates, organizations, mentors);
  }

  /** The cohort as the round stored it when it solved. */
  private async solvedCohort(
    manager: EntityManager,
    roundId: string,
  ): Promise<{ organizations: RoundOrganization[]; mentors: RoundMentor[] }> {
    const organizations = await manager.find(MatchingRoundOrganizationEntity, { where: { roundId } });
    const mentors = await manager.find(MatchingRoundMentorEntity, { where: { roundId } });
    return {
      organizations: organizations.map((o) => ({
        id: o.organizationId,
        places: o.places,
        womenLed: o.womenLed,
        nonMetropolitan: o.nonMetropolitan,
        candidates: o.candidates,
      })),
      mentors: mentors.map((m) => ({ id: m.mentorId, places: m.places })),
    };
  }

  /** What the round reads before it solves: the cohort's profiles, places, pairs in progress, signals. */
  private async cohortSources(round: MatchingRoundEntity): Promise<CohortSources> {
    const manager = this.dataSource.manager;
    const { organizationIds, mentorIds } = await this.programs.cohortIds(round.programId, manager);
    const organizations = await this.profiles.organizations({ ids: organizationIds });
    const mentors = await this.profiles.mentors({ ids: mentorIds });
    const orgIds = organizations.map((o) => o.id);
    const orgFacts = await organizationCohortFacts(manager, orgIds);
    const mentorFacts = await mentorCohortFacts(
      manager,
      mentors.map((m) => m.id),
    );
    const inProgress = await this.requests.pairsInProgress(orgIds);
    const program = await manager.findOneByOrFail(ProgramEntity, { id: round.programId });
    return {
      organizations,
      mentors,
      activeMentorships: new Map(orgFacts.map((o) => [o.id, o.activeMentorships])),
      mentorPlaces: new Map(mentorFacts.map((m) => [m.id, m.placesLeft])),
      maxMentorsPerOrganization: round.maxMentorsPerOrganization,
      inProgress: new Set(inProgress.map((t) => `${t.organizationId}:${t.mentorId}`)),
      signals: await this.interests.among(orgIds),
      weights: program.weights ?? DEFAULT_WEIGHTS,
    };
  }

  private async setProgress(roundId: string, percent: number, report?: (p: number) => Promise<void>) {
    await this.dataSource.query(`UPDATE matching_rounds SET progress = $2 WHERE id = $1`, [roundId, percent]);
    await report?.(percent).catch(() => undefined);
  }
}
