import type { QueueDashboardServer } from './queue-dashboard';

/** Queues the product uses. Each job names its queue in its definition (one total map). */
export enum QueueName {
  DEFAULT = 'default',
  /** Score recomputation: profile changes and full-run shards. */
  SCORING = 'scoring',
}

/** A job type: its kebab-case name, its queue, and (by type) its payload. */
export interface JobDefinition<P> {
  readonly name: string;
  readonly queue: QueueName;
  /** Type-level only: the payload this job carries (ids, never personal data). */
  readonly payload?: P;
}

export const defineJob = <P>(name: string, queue: QueueName): JobDefinition<P> => ({ name, queue });

export interface AddOptions {
  /** Deterministic id: adding a job whose id is already known does nothing. */
  jobId?: string;
  delayMs?: number;
  /** Attempts in all, first included. */
  attempts?: number;
}

export interface JobContext {
  readonly id: string;
  /** 1 on the first run. */
  readonly attempt: number;
  progress(percent: number): Promise<void>;
}

export type RawHandler = (name: string, payload: unknown, context: JobContext) => Promise<void>;

export type JobState = 'waiting' | 'delayed' | 'active' | 'completed' | 'failed' | 'unknown';

export interface JobStatus {
  id: string;
  name: string;
  state: JobState;
  progress: number;
  attemptsMade: number;
  failedReason?: string;
}

/**
 * The queue port. Two drivers implement it: in-process (embedded default) and BullMQ (Redis).
 * Nothing outside libs/queue knows which one runs.
 */
export interface QueueDriver {
  readonly kind: 'in-process' | 'bullmq';
  add(queue: QueueName, name: string, payload: unknown, options?: AddOptions): Promise<string>;
  /** Starts consuming a queue; one handler per queue dispatches on the job name. */
  work(queue: QueueName, handler: RawHandler, concurrency: number): Promise<void>;
  status(queue: QueueName, jobId: string): Promise<JobStatus | null>;
  /** Jobs waiting or running now (not delayed ones): 0 means the queue has nothing to do. */
  pending(queue: QueueName): Promise<number>;
  ping(): Promise<boolean>;
  /** The queue dashboard's server side (Bull Board); only a driver with durable queues has one. */
  dashboard?(): QueueDashboardServer;
  /** Stops taking jobs, lets active ones finish, releases connections. */
  close(): Promise<void>;
}

export const QUEUE_DRIVER = Symbol('QUEUE_DRIVER');
