import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A job that a committed change needs, written in the change's transaction and relayed to the
 * queue afterwards (see JobOutbox): the change never depends on the queue being up at that
 * instant, and nothing it needs is lost when the queue is not. Ids only in the payload.
 */
@Entity('job_intents')
export class JobIntentEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  queue: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'jsonb' })
  payload: unknown;

  /** The job's own deterministic id; null: the intent's id names the job (`intent-<id>`). */
  @Column({ name: 'job_id', type: 'text', nullable: true })
  jobId: string | null;

  /** When the job is due; null: at once. */
  @Column({ name: 'run_at', type: 'timestamptz', nullable: true })
  runAt: Date | null;

  @Column({ type: 'smallint', nullable: true })
  attempts: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

export const QUEUE_ENTITIES = [JobIntentEntity];
