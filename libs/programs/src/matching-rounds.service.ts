import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import {
  InfeasibleTargetError,
  solveGreedy,
  solveOptimal,
  solveStable,
  type Assignment,
  type AssignmentProblem,
  type MinimumPairs,
  type BothTargetsResult,
  solveBothTargets,
} from '@app/assignment';
import { AuditAction, AuditService } from '@app/audit';
import { Actor, DomainError, ErrorCode, badInput, isUuid, notFound } from '@app/common';
import {
  DEFAULT_WEIGHTS,
  MatchInterestsService,
  scoreMatch,
  scoredMentor,
  scoredOrganization,
} from '@app/matching';
import { ProfileSnapshotsService } from '@app/profiles';
import { JobOutbox } from '@app/queue';
import { Locality } from '@app/taxonomy';
import {
  MatchingRoundCandidateEntity,
  MatchingRoundEntity,
  ProgramEntity,
  RoundAlgorithm,
  RoundStatus,
  type RoundSummary,
} from './program.entities';
import { MATCHING_ROUND } from './program.jobs';
import { ProgramsService } from './programs.service';
import { RoundRequests } from './round-requests.port';

export interface RoundInput {
  algorithm: RoundAlgorithm;
  maxMentorsPerOrganization?: number | null;
  minWomenLedShare?: number | null;
  minNonMetropolitanShare?: number | null;
}

/** The cohort as an assignment problem, with who is who. */
interface Cohort {
  problem: AssignmentProblem;
  /** STABLE's rankings per arc: the score, and candidates marked INTERESTED first. */
  orgRank: Int32Array;
  mentorRank: Int32Array;
  orgIds: string[];
  mentorIds: string[];
  womenLed: Uint8Array;
  nonMetropolitan: Uint8Array;
  orgCapacity: Record<string, number>;
  mentorCapacity: Record<string, number>;
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
    const [claimed] = await this.dataSource.query(
      `UPDATE matching_rounds SET status = 'RUNNING', progress = 0
        WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') RETURNING id`,
      [roundId],
    );
    if (!claimed || claimed.length === 0) return;
    const round = await this.dataSource.getRepository(MatchingRoundEntity).findOneByOrFail({ id: roundId });
    const started = performance.now();
    try {
      const cohort = await this.cohort(round);
      await this.setProgress(roundId, 30, onProgress);
      const free = solveOptimal(cohort.problem);
      await this.setProgress(roundId, 60, onProgress);
      const target = this.target(round, cohort, free.pairs);
      let result: Assignment;
      let bound: { upperBound: number; gap: number } | null = null;
      if (round.algorithm === RoundAlgorithm.OPTIMAL && target.both) {
        const two = await this.withTwoTargets(cohort.problem, target.both, free.pairs);
        result = two;
        bound = { upperBound: two.upperBound, gap: two.gap };
      } else if (round.algorithm === RoundAlgorithm.OPTIMAL) {
        result = target.minimum ? this.withTarget(cohort.problem, target, free.pairs) : free;
      } else {
        result =
          round.algorithm === RoundAlgorithm.GREEDY
            ? solveGreedy(cohort.problem)
            : solveStable(cohort.problem, { org: cohort.orgRank, mentor: cohort.mentorRank });
      }
      const summary: RoundSummary = {
        ...this.summarize(round, cohort, result, target, free.totalScore, performance.now() - started),
        upperBound: bound?.upperBound ?? null,
        gapToBound: bound === null ? null : Math.round(bound.gap * 1e6) / 1e6,
      };
      await this.dataSource.transaction(async (manager) => {
        await manager.query(`DELETE FROM matching_round_candidates WHERE round_id = $1`, [roundId]);
        const rows: Array<Partial<MatchingRoundCandidateEntity>> = [];
        const p = cohort.problem;
        for (let o = 0; o < p.orgCount; o++) {
          for (let a = p.orgStart[o]; a < p.orgStart[o + 1]; a++) {
            rows.push({
              roundId,
              organizationId: cohort.orgIds[o],
              mentorId: cohort.mentorIds[p.arcMentor[a]],
              score: p.arcScore[a],
              assigned: result.chosen[a] === 1,
            });
          }
        }
        for (let i = 0; i < rows.length; i += 1000) {
          await manager.insert(MatchingRoundCandidateEntity, rows.slice(i, i + 1000));
        }
        await manager.update(MatchingRoundEntity, roundId, {
          status: RoundStatus.PROPOSED,
          progress: 100,
          summary,
          capacities: { organizations: cohort.orgCapacity, mentors: cohort.mentorCapacity },
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
      const [rows] = await manager.query(
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
   * the round had; the summary's totals follow. Only while the round is PROPOSED.
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
        const [rows] = await manager.query(
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
      const capacities = round.capacities ?? { organizations: {}, mentors: {} };
      const over: Array<{ id: string; n: number; kind: string }> = await manager.query(
        `SELECT organization_id AS id, count(*)::int AS n, 'organization' AS kind FROM matching_round_candidates
          WHERE round_id = $1 AND assigned GROUP BY organization_id
         UNION ALL
         SELECT mentor_id, count(*)::int, 'mentor' FROM matching_round_candidates
          WHERE round_id = $1 AND assigned GROUP BY mentor_id`,
        [roundId],
      );
      for (const row of over) {
        const cap =
          row.kind === 'organization' ? capacities.organizations[row.id] : capacities.mentors[row.id];
        if (row.n > (cap ?? 0)) {
          throw badInput(`The ${row.kind} ${row.id} would have ${row.n} pairs; it has room for ${cap ?? 0}`);
        }
      }
      const [totals] = await manager.query(
        `SELECT count(*)::int AS pairs, coalesce(sum(c.score), 0)::int AS total,
                count(*) FILTER (WHERE o.women_led)::int AS women_led,
                count(*) FILTER (WHERE o.locality <> 'METROPOLITAN')::int AS non_metro
           FROM matching_round_candidates c JOIN organizations o ON o.id = c.organization_id
          WHERE c.round_id = $1 AND c.assigned`,
        [roundId],
      );
      const share = (n: number): number =>
        totals.pairs === 0 ? 0 : Math.round((n / totals.pairs) * 10000) / 10000;
      if (round.summary) {
        round.summary = {
          ...round.summary,
          pairs: totals.pairs,
          totalScore: totals.total,
          womenLed: { ...round.summary.womenLed, matchedShare: share(totals.women_led) },
          nonMetropolitan: { ...round.summary.nonMetropolitan, matchedShare: share(totals.non_metro) },
          gapToOptimal:
            round.summary.optimalTotal === null
              ? null
              : Math.round((totals.total / Math.max(1, round.summary.optimalTotal)) * 10000) / 10000,
        };
      }
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

  /** Every candidate pair, the organisations' and mentors' places: enough to check optimality. */
  async export(
    actor: Actor,
    roundId: string,
  ): Promise<{ candidatesCsv: string; organizationsCsv: string; mentorsCsv: string }> {
    const round = await this.findOne(actor, roundId);
    if (round.status !== RoundStatus.PROPOSED && round.status !== RoundStatus.PUBLISHED) {
      throw new DomainError(ErrorCode.CONFLICT, 'Only a computed round can be exported');
    }
    const candidates = await this.candidates(roundId, false);
    const orgs: Array<{ id: string; women_led: boolean; locality: string }> = await this.dataSource.query(
      `SELECT id, women_led, locality FROM organizations WHERE id = ANY($1::uuid[]) ORDER BY id`,
      [Object.keys(round.capacities?.organizations ?? {})],
    );
    const capacities = round.capacities ?? { organizations: {}, mentors: {} };
    return {
      candidatesCsv: [
        'organization_id,mentor_id,score,assigned',
        ...candidates.map((c) => `${c.organizationId},${c.mentorId},${c.score},${c.assigned ? 1 : 0}`),
      ].join('\n'),
      organizationsCsv: [
        'organization_id,max_mentors,women_led,non_metropolitan',
        ...orgs.map(
          (o) =>
            `${o.id},${capacities.organizations[o.id] ?? 0},${o.women_led ? 1 : 0},${o.locality !== Locality.METROPOLITAN ? 1 : 0}`,
        ),
      ].join('\n'),
      mentorsCsv: [
        'mentor_id,capacity',
        ...Object.entries(capacities.mentors)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([id, cap]) => `${id},${cap}`),
      ].join('\n'),
    };
  }

  private async cohort(round: MatchingRoundEntity): Promise<Cohort> {
    const ids = async (table: string, column: string): Promise<string[]> =>
      (
        await this.dataSource.query(`SELECT ${column} AS id FROM ${table} WHERE program_id = $1 ORDER BY 1`, [
          round.programId,
        ])
      ).map((r: { id: string }) => r.id);
    const orgs = await this.profiles.organizations({
      ids: await ids('program_organizations', 'organization_id'),
    });
    const mentors = await this.profiles.mentors({ ids: await ids('program_mentors', 'mentor_id') });
    const orgActive: Array<{ id: string; active_mentorships: number }> = await this.dataSource.query(
      `SELECT id, active_mentorships FROM organizations WHERE id = ANY($1::uuid[])`,
      [orgs.map((o) => o.id)],
    );
    const mentorRoom: Array<{ id: string; room: number }> = await this.dataSource.query(
      `SELECT id, CASE WHEN accepting_requests THEN capacity - active_mentorships ELSE 0 END AS room
         FROM mentor_profiles WHERE id = ANY($1::uuid[])`,
      [mentors.map((m) => m.id)],
    );
    // Pairs already running or asked are not proposed again.
    const taken = await this.requests.pairsInProgress(orgs.map((o) => o.id));
    const takenPairs = new Set(taken.map((t) => `${t.organizationId}:${t.mentorId}`));
    const signals = await this.interests.among(orgs.map((o) => o.id));
    const program = await this.dataSource
      .getRepository(ProgramEntity)
      .findOneByOrFail({ id: round.programId });
    const weights = program.weights ?? DEFAULT_WEIGHTS;
    const orgRank: number[] = [];
    const mentorRank: number[] = [];
    const active = new Map(orgActive.map((r) => [r.id, Number(r.active_mentorships)]));
    const room = new Map(mentorRoom.map((r) => [r.id, Math.max(0, Number(r.room))]));
    const mentorIndex = new Map(mentors.map((m, i) => [m.id, i]));
    const scoredMentors = mentors.map(scoredMentor);
    const orgStart = new Int32Array(orgs.length + 1);
    const arcMentor: number[] = [];
    const arcScore: number[] = [];
    orgs.forEach((org, o) => {
      orgStart[o] = arcMentor.length;
      const input = scoredOrganization(org);
      mentors.forEach((mentor, m) => {
        const key = `${org.id}:${mentor.id}`;
        if (takenPairs.has(key) || signals.excluded.has(key)) return;
        const match = scoreMatch(input, scoredMentors[m], weights);
        if (!match) return;
        arcMentor.push(mentorIndex.get(mentor.id) as number);
        arcScore.push(match.score);
        orgRank.push(match.score + (signals.orgInterested.has(key) ? 1000 : 0));
        mentorRank.push(match.score + (signals.mentorInterested.has(key) ? 1000 : 0));
      });
    });
    orgStart[orgs.length] = arcMentor.length;
    const orgCapacity = Int32Array.from(orgs, (o) =>
      Math.max(0, round.maxMentorsPerOrganization - (active.get(o.id) ?? 0)),
    );
    const mentorCapacity = Int32Array.from(mentors, (m) => room.get(m.id) ?? 0);
    return {
      problem: {
        orgCount: orgs.length,
        mentorCount: mentors.length,
        orgStart,
        arcMentor: Int32Array.from(arcMentor),
        arcScore: Int32Array.from(arcScore),
        orgCapacity,
        mentorCapacity,
      },
      orgRank: Int32Array.from(orgRank),
      mentorRank: Int32Array.from(mentorRank),
      orgIds: orgs.map((o) => o.id),
      mentorIds: mentors.map((m) => m.id),
      womenLed: Uint8Array.from(orgs, (o) => (o.womenLed ? 1 : 0)),
      nonMetropolitan: Uint8Array.from(orgs, (o) => (o.locality !== Locality.METROPOLITAN ? 1 : 0)),
      orgCapacity: Object.fromEntries(orgs.map((o, i) => [o.id, orgCapacity[i]])),
      mentorCapacity: Object.fromEntries(mentors.map((m, i) => [m.id, mentorCapacity[i]])),
    };
  }

  /**
   * The round's target as a minimum count: its share of the unconstrained optimum's number of
   * pairs, rounded up (so "half the pairs women-led" means at least half of that many).
   */
  private target(
    round: MatchingRoundEntity,
    cohort: Cohort,
    freePairs: number,
  ): {
    minimum?: MinimumPairs;
    both?: [MinimumPairs, MinimumPairs];
    womenLed: number | null;
    nonMetropolitan: number | null;
    name?: string;
    share?: number;
  } {
    const countOf = (share: number): number => Math.ceil(share * freePairs - 1e-9);
    if (round.minWomenLedShare != null && round.minNonMetropolitanShare != null) {
      const womenLed = countOf(round.minWomenLedShare);
      const nonMetropolitan = countOf(round.minNonMetropolitanShare);
      return {
        both: [
          { group: cohort.womenLed, count: womenLed },
          { group: cohort.nonMetropolitan, count: nonMetropolitan },
        ],
        womenLed,
        nonMetropolitan,
      };
    }
    if (round.minWomenLedShare != null) {
      const count = Math.ceil(round.minWomenLedShare * freePairs - 1e-9);
      return {
        minimum: { group: cohort.womenLed, count },
        womenLed: count,
        nonMetropolitan: null,
        name: 'minWomenLedShare',
        share: round.minWomenLedShare,
      };
    }
    if (round.minNonMetropolitanShare != null) {
      const count = Math.ceil(round.minNonMetropolitanShare * freePairs - 1e-9);
      return {
        minimum: { group: cohort.nonMetropolitan, count },
        womenLed: null,
        nonMetropolitan: count,
        name: 'minNonMetropolitanShare',
        share: round.minNonMetropolitanShare,
      };
    }
    return { womenLed: null, nonMetropolitan: null };
  }

  /**
   * OPTIMAL under both targets: women-led exactly, non-metropolitan by a Lagrangian bonus (or,
   * where that leaves more than 0.1 % to the bound, HiGHS's exact MIP), with the upper bound; an
   * infeasible one is named with the highest share reachable.
   */
  private async withTwoTargets(
    problem: AssignmentProblem,
    both: [MinimumPairs, MinimumPairs],
    freePairs: number,
  ): Promise<BothTargetsResult> {
    try {
      return await solveBothTargets(problem, both[0], both[1]);
    } catch (err) {
      if (!(err instanceof InfeasibleTargetError)) throw err;
      // The women-led target fails alone; the non-metropolitan one alongside it.
      const [name, target] =
        err.which === 'first'
          ? (['minWomenLedShare', both[0]] as const)
          : (['minNonMetropolitanShare', both[1]] as const);
      throw infeasible(
        name,
        target.count / Math.max(1, freePairs),
        err.reachable,
        freePairs,
        err.which === 'second',
      );
    }
  }

  /** OPTIMAL under the target; an infeasible one names the target and the highest share reachable. */
  private withTarget(
    problem: AssignmentProblem,
    target: { minimum?: MinimumPairs; name?: string; share?: number },
    freePairs: number,
  ): Assignment {
    try {
      return solveOptimal(problem, { minimum: target.minimum });
    } catch (err) {
      if (!(err instanceof InfeasibleTargetError)) throw err;
      const reachable = freePairs === 0 ? 0 : err.reachable / freePairs;
      throw new DomainError(
        ErrorCode.BAD_USER_INPUT,
        `${target.name} ${target.share} cannot be met: the highest share reachable is ${reachable.toFixed(3)} ` +
          `(${err.reachable} of the ${freePairs} pairs)`,
        { target: target.name, reachableShare: reachable },
      );
    }
  }

  private summarize(
    round: MatchingRoundEntity,
    cohort: Cohort,
    result: Assignment,
    target: { womenLed: number | null; nonMetropolitan: number | null },
    optimalTotal: number,
    ms: number,
  ): RoundSummary {
    const p = cohort.problem;
    let noCandidates = 0;
    let noCapacityLeft = 0;
    let notChosen = 0;
    let womenLedPairs = 0;
    let nonMetroPairs = 0;
    for (let o = 0; o < p.orgCount; o++) {
      let got = 0;
      for (let a = p.orgStart[o]; a < p.orgStart[o + 1]; a++) got += result.chosen[a];
      if (cohort.womenLed[o]) womenLedPairs += got;
      if (cohort.nonMetropolitan[o]) nonMetroPairs += got;
      if (got > 0) continue;
      if (p.orgCapacity[o] === 0) noCapacityLeft++;
      else if (p.orgStart[o + 1] === p.orgStart[o]) noCandidates++;
      else notChosen++;
    }
    const share = (n: number, of: number): number => (of === 0 ? 0 : Math.round((n / of) * 10000) / 10000);
    const cohortWomenLed = cohort.womenLed.reduce((a, b) => a + b, 0);
    const cohortNonMetro = cohort.nonMetropolitan.reduce((a, b) => a + b, 0);
    const optimal = round.algorithm === RoundAlgorithm.OPTIMAL;
    return {
      candidates: p.arcMentor.length,
      totalScore: result.totalScore,
      pairs: result.pairs,
      organizations: p.orgCount,
      unmatched: { noCandidates, noCapacityLeft, notChosen },
      womenLed: {
        cohortShare: share(cohortWomenLed, p.orgCount),
        matchedShare: share(womenLedPairs, result.pairs),
        required: target.womenLed,
      },
      nonMetropolitan: {
        cohortShare: share(cohortNonMetro, p.orgCount),
        matchedShare: share(nonMetroPairs, result.pairs),
        required: target.nonMetropolitan,
      },
      optimalTotal: optimal ? null : optimalTotal,
      gapToOptimal: optimal ? null : share(result.totalScore, optimalTotal),
      seconds: Math.round(ms) / 1000,
    };
  }

  private async setProgress(roundId: string, percent: number, report?: (p: number) => Promise<void>) {
    await this.dataSource.query(`UPDATE matching_rounds SET progress = $2 WHERE id = $1`, [roundId, percent]);
    await report?.(percent).catch(() => undefined);
  }
}

function infeasible(
  name: string,
  share: number,
  reachable: number,
  freePairs: number,
  alongside = false,
): DomainError {
  const highest = freePairs === 0 ? 0 : reachable / freePairs;
  return new DomainError(
    ErrorCode.BAD_USER_INPUT,
    `${name} ${Math.round(share * 1000) / 1000} cannot be met${alongside ? ' together with minWomenLedShare' : ''}: ` +
      `the highest share reachable is ${highest.toFixed(3)} (${reachable} of the ${freePairs} pairs)`,
    { target: name, reachableShare: highest },
  );
}
