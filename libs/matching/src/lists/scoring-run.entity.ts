import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';

export enum ScoringRunStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
}

/**
 * A full recompute of every stored recommendation list, split into shards that any worker
 * process may take. Progress counts profiles whose lists are written.
 */
@Entity('scoring_runs')
@Check('scoring_runs_status_known', `status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')`)
@Check('scoring_runs_progress_range', 'processed >= 0 AND processed <= total AND shards_done <= shard_count')
export class ScoringRunEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('scoring_runs_status')
  @Column({ type: 'text' })
  status: ScoringRunStatus;

  @Column({ name: 'engine_version', type: 'text' })
  engineVersion: string;

  /** List length (K) this run writes. */
  @Column({ type: 'integer' })
  k: number;

  /** Organisations plus mentors, fixed when the run is planned. */
  @Column({ type: 'integer', default: 0 })
  total: number;

  @Column({ type: 'integer', default: 0 })
  processed: number;

  @Column({ name: 'shard_count', type: 'integer', default: 0 })
  shardCount: number;

  @Column({ name: 'shards_done', type: 'integer', default: 0 })
  shardsDone: number;

  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy: string | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}

export enum ShardSide {
  ORGANIZATIONS = 'ORGANIZATIONS',
  MENTORS = 'MENTORS',
}

/**
 * One batch of a run: the lists of the profiles whose ids fall in [fromId, toId) (null: open
 * end). A shard is written in one transaction that also marks it done, so a worker killed
 * mid-shard leaves nothing behind and the shard is simply done again.
 */
@Entity('scoring_run_shards')
@Check('scoring_run_shards_side_known', `side IN ('ORGANIZATIONS', 'MENTORS')`)
export class ScoringRunShardEntity {
  @PrimaryColumn({ name: 'run_id', type: 'uuid' })
  runId: string;

  @PrimaryColumn({ type: 'integer' })
  shard: number;

  @ManyToOne(() => ScoringRunEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id' })
  run?: ScoringRunEntity;

  @Column({ type: 'text' })
  side: ShardSide;

  @Column({ name: 'from_id', type: 'uuid', nullable: true })
  fromId: string | null;

  @Column({ name: 'to_id', type: 'uuid', nullable: true })
  toId: string | null;

  /** Profiles in the range when the run was planned. */
  @Column({ type: 'integer' })
  size: number;

  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  doneAt: Date | null;
}
