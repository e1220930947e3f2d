import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, EntityManager } from 'typeorm';
import { Pacer } from '@app/common';
import { AppConfig } from '@app/config';
import { ProfileSnapshotsService, type MentorSnapshot, type OrganizationSnapshot } from '@app/profiles';
import { JobOutbox } from '@app/queue';
import {
  encodeMentors,
  encodeOrganizations,
  encodePaced,
  scoreEncoded,
  scoreTables,
  type EncodedMentors,
  type EncodedOrganizations,
} from '../engine/encoded-profiles';
import {
  DEFAULT_WEIGHTS,
  SCORING_ENGINE_VERSION,
  type ScoredMentor,
  type ScoredOrganization,
} from '../score/match-score';
import { RecommendationStore, ranksAbove, type ListSide } from './recommendation.store';
import { ScoringEngine } from '../engine/scoring-engine';
import { bestOfRow } from '../engine/best-of-row';
import { packEntries, type PackedLists } from './list-copy';
import { ScoringRunEntity, ScoringRunShardEntity, ScoringRunStatus, ShardSide } from './scoring-run.entity';
import { SCORING_RUN, SCORING_SHARD } from './scoring.jobs';

/**
 * Every scoring write takes this advisory lock: shards of a full run share it, single-profile
 * rescores take it alone, so rescores run one at a time and never beside a shard's write. A
 * shard that scored before a rescore committed sees the rescore count move and scores again
 * (see runShard), so the last lists written always saw the latest profiles.
 */
const SCORING_LOCK = 0x5c0e;
/** Taken while deciding whether a run is under way, so two starts make one run. */
const START_RUN_LOCK = 0x5c0f;

/** Computes and stores recommendation lists: one profile at a time, or a sharded full run. */
@Injectable()
export class ScoringService {
  private readonly logger = new Logger('Scoring');
  private readonly tables = scoreTables(DEFAULT_WEIGHTS);
  /** See everyone(). */
  private shared?: { key: string; sides: Map<string, Promise<unknown[]>> };
  /** See derived(). */
  private readonly derivations = new WeakMap<object, Map<string, unknown>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly profiles: ProfileSnapshotsService,
    private readonly store: RecommendationStore,
    private readonly engine: ScoringEngine,
    private readonly outbox: JobOutbox,
  ) {}

  private get k(): number {
    return this.config.RECOMMENDATIONS_K;
  }

  /** Paces the work this thread does for scoring: it may also be answering requests. */
  private pacer(): Pacer {
    return new Pacer(this.config.SCORING_MAIN_THREAD_PERCENT / 100);
  }

  /**
   * After an organisation changed (or was deleted): its own list, then mentors' lists — it goes
   * into those it now ranks in, and lists it fell out of (or dropped in) are recomputed.
   */
  rescoreOrganization(organizationId: string): Promise<void> {
    return this.rescore('organization', organizationId);
  }

  /** After a mentor profile changed (or was deleted); see rescoreOrganization. */
  rescoreMentor(mentorId: string): Promise<void> {
    return this.rescore('mentor', mentorId);
  }

  private async rescore(side: ListSide, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SCORING_LOCK]);
      // Tells shards scoring meanwhile that their input may be stale (see runShard).
      await manager.query(`SELECT nextval('scoring_rescores')`);
      const computedAt = new Date();
      const isOrg = side === 'organization';
      const pacer = this.pacer();
      const self = isOrg
        ? (await this.profiles.organizations({ ids: [id] }, manager))[0]
        : (await this.profiles.mentors({ ids: [id] }, manager))[0];
      const orgs = isOrg ? undefined : await this.profiles.organizations({ all: true }, manager, pacer);
      const mentors = isOrg ? await this.profiles.mentors({ all: true }, manager, pacer) : undefined;
      const others: ReadonlyArray<{ id: string }> = orgs ?? mentors ?? [];

      // This profile's score with everyone on the other side (-1: no shared language).
      const row = new Int16Array(others.length).fill(-1);
      if (self) {
        // Snapshots carry every field the score reads.
        const o = await encodePaced<ScoredOrganization, EncodedOrganizations>(
          orgs ?? [self as OrganizationSnapshot],
          (slice) => encodeOrganizations(slice),
          pacer,
        );
        const m = await encodePaced<ScoredMentor, EncodedMentors>(
          mentors ?? [self as MentorSnapshot],
          encodeMentors,
          pacer,
        );
        for (let i = 0; i < others.length; i++) {
          row[i] = isOrg ? scoreEncoded(o, m, 0, i, this.tables) : scoreEncoded(o, m, i, 0, this.tables);
        }
        // Organisations' lists hold only mentors open to requests; mentors' lists every organisation.
        const allowed = mentors ? Uint8Array.from(mentors, (x) => (x.available ? 1 : 0)) : undefined;
        const own = bestOfRow(row, this.k, allowed).map((i) => ({ id: others[i].id, score: row[i] }));
        await this.store.replace(
          manager,
          side,
          { ids: [id] },
          packEntries([[id, own]]),
          SCORING_ENGINE_VERSION,
          computedAt,
        );
      } else {
        // Deleted: its own list goes too.
        await this.store.replace(
          manager,
          side,
          { ids: [id] },
          packEntries([]),
          SCORING_ENGINE_VERSION,
          computedAt,
        );
      }

      // The other side's lists.
      const otherSide: ListSide = isOrg ? 'mentor' : 'organization';
      const eligible = !!self && (isOrg || (self as MentorSnapshot).available);
      const holding = await this.store.holding(manager, otherSide, id);
      const headers = await this.store.headers(manager, otherSide);
      const inserts: Array<[string, number]> = [];
      const recompute: string[] = [];
      for (let i = 0; i < others.length; i++) {
        const owner = others[i].id;
        const score = eligible ? row[i] : -1;
        const held = holding.get(owner);
        if (held !== undefined) {
          if (score >= held) {
            if (score > held) inserts.push([owner, score]);
          } else recompute.push(owner);
          continue;
        }
        if (score < 0) continue;
        const header = headers.get(owner);
        // No list yet (never computed): the next full run writes it whole.
        if (!header) continue;
        if (
          header.size < this.k ||
          header.worstId === null ||
          ranksAbove({ id, score }, { id: header.worstId, score: header.worstScore ?? 0 })
        ) {
          inserts.push([owner, score]);
        }
      }
      await this.store.insert(manager, otherSide, id, inserts, this.k, SCORING_ENGINE_VERSION, computedAt);
      if (recompute.length > 0) await this.recomputeLists(manager, otherSide, recompute, computedAt);
      this.logger.debug(
        `Rescored ${side} ${id}: ${inserts.length} lists updated, ${recompute.length} recomputed`,
      );
    });
  }

  /** Recomputes the whole lists of the given owners against everyone on the other side. */
  private async recomputeLists(
    manager: EntityManager,
    side: ListSide,
    owners: string[],
    computedAt: Date,
  ): Promise<void> {
    const isOrg = side === 'organization';
    const pacer = this.pacer();
    const orgs = await this.profiles.organizations(isOrg ? { ids: owners } : { all: true }, manager, pacer);
    const mentors = await this.profiles.mentors(isOrg ? { all: true } : { ids: owners }, manager, pacer);
    const lists = await this.topLists(side, orgs, mentors, pacer);
    await this.store.replace(
      manager,
      side,
      { ids: owners },
      lists,
      SCORING_ENGINE_VERSION,
      computedAt,
      pacer,
    );
  }

  /** The lists of every profile on `side` against everyone given on the other, on worker threads. */
  private async topLists(
    side: ListSide,
    orgs: OrganizationSnapshot[],
    mentors: MentorSnapshot[],
    pacer: Pacer,
    onProgress?: (fraction: number) => void,
  ): Promise<PackedLists> {
    const isOrg = side === 'organization';
    // Snapshots carry every field the score reads.
    const encodedOrgs = await this.derived(orgs, 'encoded', () =>
      encodePaced<ScoredOrganization, EncodedOrganizations>(orgs, (s) => encodeOrganizations(s), pacer),
    );
    const encodedMentors = await this.derived(mentors, 'encoded', () =>
      encodePaced<ScoredMentor, EncodedMentors>(mentors, encodeMentors, pacer),
    );
    const result = await this.engine.topK(
      {
        orgs: encodedOrgs,
        mentors: encodedMentors,
        tables: this.tables,
        k: this.k,
        orgLists: isOrg,
        mentorLists: !isOrg,
        mentorEligible: this.derived(mentors, 'eligible', () =>
          Uint8Array.from(mentors, (m) => (m.available ? 1 : 0)),
        ),
      },
      onProgress,
    );
    const orgIds = this.derived(orgs, 'ids', () => orgs.map((o) => o.id));
    const mentorIds = this.derived(mentors, 'ids', () => mentors.map((m) => m.id));
    return isOrg
      ? { owners: orgIds, others: mentorIds, lists: result.orgs!, k: this.k }
      : { owners: mentorIds, others: orgIds, lists: result.mentors!, k: this.k };
  }

  /**
   * What is computed from a list of profiles, kept as long as the list is: every shard of a
   * run scores against the same whole other side (see everyone()), which is then encoded
   * once per run rather than once per shard, on the thread that also answers requests.
   */
  private derived<T>(profiles: object, what: string, make: () => T): T {
    let values = this.derivations.get(profiles);
    if (!values) this.derivations.set(profiles, (values = new Map()));
    if (!values.has(what)) values.set(what, make());
    return values.get(what) as T;
  }

  // ---- Full runs ----------------------------------------------------------------------

  /**
   * Starts a full run, or returns the one already queued or running (one at a time: a second
   * would redo the same work).
   */
  async startFullRun(requestedBy: string | null): Promise<ScoringRunEntity> {
    const run = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [START_RUN_LOCK]);
      const active = await manager.findOne(ScoringRunEntity, {
        where: [{ status: ScoringRunStatus.QUEUED }, { status: ScoringRunStatus.RUNNING }],
        order: { createdAt: 'ASC' },
      });
      if (active) return active;
      const created = manager.create(ScoringRunEntity, {
        id: randomUUID(),
        status: ScoringRunStatus.QUEUED,
        engineVersion: SCORING_ENGINE_VERSION,
        k: this.k,
        requestedBy,
      });
      const saved = await manager.save(created);
      await this.recordRunJob(manager, saved.id);
      return saved;
    });
    return run;
  }

  /**
   * At start: resumes a run left unfinished (an embedded process keeps its queue in memory, so
   * a restart loses the jobs; on BullMQ the deterministic job ids make this a no-op), or starts
   * one when no run of the current engine version has completed (first start, demo data, a new
   * engine version). Returns the run it started, if any.
   */
  async ensureCurrent(): Promise<ScoringRunEntity | null> {
    const runs = this.dataSource.getRepository(ScoringRunEntity);
    const active = await runs.findOne({
      where: [{ status: ScoringRunStatus.QUEUED }, { status: ScoringRunStatus.RUNNING }],
    });
    if (active) {
      await this.recordRunJob(this.dataSource.manager, active.id);
      return null;
    }
    const completed = await runs.existsBy({
      engineVersion: SCORING_ENGINE_VERSION,
      status: ScoringRunStatus.COMPLETED,
    });
    return completed ? null : this.startFullRun(null);
  }

  /** A run's parent job, in the caller's transaction; a second one for the same run does nothing. */
  recordRunJob(manager: EntityManager, runId: string): Promise<void> {
    return this.outbox.record(manager, SCORING_RUN, { runId }, { jobId: `scoring-run-${runId}` });
  }

  findRun(id: string): Promise<ScoringRunEntity | null> {
    return this.dataSource.getRepository(ScoringRunEntity).findOneBy({ id });
  }

  /**
   * The parent job: splits the run into shards (once) and enqueues every shard not yet done.
   * Safe to run again: planning happens only while the run is QUEUED, and shard jobs have
   * deterministic ids.
   */
  async planRun(runId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const run = await manager.findOne(ScoringRunEntity, {
        where: { id: runId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!run || run.status === ScoringRunStatus.COMPLETED || run.status === ScoringRunStatus.FAILED) return;
      if (run.status === ScoringRunStatus.QUEUED) {
        const size = this.config.SCORING_SHARD_SIZE;
        const planned: Partial<ScoringRunShardEntity>[] = [];
        let total = 0;
        for (const [side, table] of [
          [ShardSide.ORGANIZATIONS, 'organizations'],
          [ShardSide.MENTORS, 'mentor_profiles'],
        ] as const) {
          const ids = await this.profiles.ids(table, manager);
          total += ids.length;
          for (let start = 0; start < ids.length; start += size) {
            planned.push({
              runId,
              shard: planned.length,
              side,
              fromId: start === 0 ? null : ids[start],
              toId: start + size < ids.length ? ids[start + size] : null,
              size: Math.min(size, ids.length - start),
            });
          }
        }
        if (planned.length > 0) await manager.insert(ScoringRunShardEntity, planned);
        const done = planned.length === 0;
        await manager.update(ScoringRunEntity, runId, {
          status: done ? ScoringRunStatus.COMPLETED : ScoringRunStatus.RUNNING,
          total,
          shardCount: planned.length,
          startedAt: new Date(),
          finishedAt: done ? new Date() : null,
        });
      }
      const shards = await manager.find(ScoringRunShardEntity, { where: { runId }, order: { shard: 'ASC' } });
      await this.outbox.recordAll(
        manager,
        SCORING_SHARD,
        shards
          .filter((shard) => !shard.doneAt)
          .map((shard) => ({
            payload: { runId, shard: shard.shard },
            options: { jobId: `scoring-shard-${runId}-${shard.shard}`, attempts: SHARD_ATTEMPTS },
          })),
      );
    });
  }

  /**
   * One shard: computes its lists on worker threads, then in one transaction replaces the
   * range's lists and marks the shard done. Done shards are skipped, so a redelivered job or a
   * second worker changes nothing.
   *
   * Reading and scoring happen outside the transaction, so no connection (the only one, on
   * PGlite) is held while threads work. A single-profile rescore that commits meanwhile bumps
   * `scoring_rescores`; the shard then sees it at write time and starts again, since its lists
   * may predate that change. After OPTIMISTIC_TRIES such races it holds the shared lock
   * throughout instead, which rescores wait for.
   */
  async runShard(runId: string, shardNo: number, onProgress?: (fraction: number) => void): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const hold = attempt > OPTIMISTIC_TRIES;
      const outcome = hold
        ? await this.dataSource.transaction((manager) =>
            this.shardOnce(manager, runId, shardNo, true, onProgress),
          )
        : await this.shardOnce(this.dataSource.manager, runId, shardNo, false, onProgress);
      if (outcome !== 'raced') return;
      this.logger.log(`Shard ${shardNo} of run ${runId} raced a profile change; scoring it again`);
    }
  }

  private async shardOnce(
    reader: EntityManager,
    runId: string,
    shardNo: number,
    holding: boolean,
    onProgress?: (fraction: number) => void,
  ): Promise<ShardOutcome> {
    if (holding) await reader.query('SELECT pg_advisory_xact_lock_shared($1)', [SCORING_LOCK]);
    const shard = await reader.findOneBy(ScoringRunShardEntity, { runId, shard: shardNo });
    const run = await reader.findOneBy(ScoringRunEntity, { id: runId });
    if (!shard || shard.doneAt || !run || run.status !== ScoringRunStatus.RUNNING) return 'skipped';
    this.logger.log(`Shard ${shardNo} of run ${runId} started`);
    const seen = await rescoreCount(reader);
    const range = { from: shard.fromId, to: shard.toId };
    const isOrg = shard.side === ShardSide.ORGANIZATIONS;
    const side: ListSide = isOrg ? 'organization' : 'mentor';
    // The whole other side: kept from the previous shard while no rescore has happened since.
    const everyone = holding ? undefined : `${runId}:${seen}`;
    const pacer = this.pacer();
    const orgs = isOrg
      ? await this.profiles.organizations(range, reader, pacer)
      : await this.everyone('organizations', everyone, () =>
          this.profiles.organizations({ all: true }, reader, pacer),
        );
    const mentors = isOrg
      ? await this.everyone('mentors', everyone, () => this.profiles.mentors({ all: true }, reader, pacer))
      : await this.profiles.mentors(range, reader, pacer);
    const lists = await this.topLists(side, orgs, mentors, pacer, onProgress);
    const write = async (manager: EntityManager): Promise<ShardOutcome> => {
      if (!holding) await manager.query('SELECT pg_advisory_xact_lock_shared($1)', [SCORING_LOCK]);
      const current = await manager.findOne(ScoringRunShardEntity, {
        where: { runId, shard: shardNo },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current || current.doneAt) return 'skipped';
      if (!holding && (await rescoreCount(manager)) !== seen) return 'raced';
      await this.store.replace(manager, side, range, lists, SCORING_ENGINE_VERSION, new Date(), pacer);
      if (this.config.SCORING_SHARD_TEST_DELAY_MS > 0) await sleep(this.config.SCORING_SHARD_TEST_DELAY_MS);
      await manager.update(ScoringRunShardEntity, { runId, shard: shardNo }, { doneAt: new Date() });
      const [updated] = await manager.query(
        `UPDATE scoring_runs
            SET shards_done = shards_done + 1,
                processed = processed + $2,
                status = CASE WHEN shards_done + 1 = shard_count THEN 'COMPLETED' ELSE status END,
                finished_at = CASE WHEN shards_done + 1 = shard_count THEN now() ELSE finished_at END
          WHERE id = $1
          RETURNING status`,
        [runId, shard.size],
      );
      return updated?.status === ScoringRunStatus.COMPLETED ? 'completed' : 'done';
    };
    const outcome = holding ? await write(reader) : await this.dataSource.transaction(write);
    if (outcome === 'completed') {
      this.shared = undefined;
      await this.refreshStatistics();
    }
    return outcome;
  }

  /**
   * Every shard of a run reads the whole other side. A worker keeps the last read under `key`
   * (the run and the rescore count: any rescore since makes it stale), so a run reads each
   * side once per worker process rather than once per shard. No key: read afresh.
   */
  private everyone<T>(
    side: 'organizations' | 'mentors',
    key: string | undefined,
    load: () => Promise<T[]>,
  ): Promise<T[]> {
    if (key === undefined) return load();
    if (this.shared?.key !== key) this.shared = { key, sides: new Map() };
    const sides = this.shared.sides;
    let loaded = sides.get(side) as Promise<T[]> | undefined;
    if (!loaded) {
      loaded = load();
      sides.set(side, loaded);
      // A failed read is not kept.
      loaded.catch(() => sides.get(side) === loaded && sides.delete(side));
    }
    return loaded;
  }

  /**
   * A full run rewrites every list: refresh the planner's statistics at once rather than when
   * autovacuum gets round to it, so reads keep their index plans.
   */
  private async refreshStatistics(): Promise<void> {
    await this.dataSource.query('ANALYZE organization_recommendations, mentor_recommendations');
  }

  async failRun(runId: string, reason: string): Promise<void> {
    await this.dataSource
      .getRepository(ScoringRunEntity)
      .update(
        { id: runId, status: ScoringRunStatus.RUNNING },
        { status: ScoringRunStatus.FAILED, error: reason, finishedAt: new Date() },
      );
    await this.dataSource
      .getRepository(ScoringRunEntity)
      .update(
        { id: runId, status: ScoringRunStatus.QUEUED },
        { status: ScoringRunStatus.FAILED, error: reason, finishedAt: new Date() },
      );
  }
}

/** Attempts per shard before the run is marked failed. */
export const SHARD_ATTEMPTS = 5;

type ShardOutcome = 'done' | 'completed' | 'skipped' | 'raced';

/** Times a shard scores without holding the lock before it holds it throughout. */
const OPTIMISTIC_TRIES = 2;

/** Single-profile rescores so far (a sequence: it moves even in transactions still open). */
async function rescoreCount(manager: EntityManager): Promise<string> {
  const [row] = await manager.query('SELECT last_value, is_called FROM scoring_rescores');
  return `${row.last_value}:${row.is_called}`;
}
