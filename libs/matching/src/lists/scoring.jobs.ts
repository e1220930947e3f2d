import { QueueName, defineJob } from '@app/queue';

/** A full run's parent job: plans the shards and enqueues them. */
export const SCORING_RUN = defineJob<{ runId: string }>('scoring-run', QueueName.SCORING);

/** One shard of a full run: the lists of one batch of organisations or mentors. */
export const SCORING_SHARD = defineJob<{ runId: string; shard: number }>('scoring-shard', QueueName.SCORING);
