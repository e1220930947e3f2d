import { QueueName, defineJob } from '@app/queue';

/** Computes a queued matching round (payload: its id). */
export const MATCHING_ROUND = defineJob<{ roundId: string }>('matching-round', QueueName.DEFAULT);
