import { QueueName, defineJob } from '@app/queue';

/** A request's expiry, due REQUEST_EXPIRY_DAYS after it was sent (ids only). */
export const REQUEST_EXPIRE = defineJob<{ requestId: string }>('request-expire', QueueName.DEFAULT);

/** The mentor's reminder of an unanswered request, REQUEST_REMINDER_DAYS after it was sent. */
export const REQUEST_REMIND = defineJob<{ requestId: string }>('request-remind', QueueName.DEFAULT);

/** The organisation's outcome survey, OUTCOME_SURVEY_DAYS after a mentorship started. */
export const OUTCOME_SURVEY = defineJob<{ mentorshipId: string }>('outcome-survey', QueueName.DEFAULT);

/** Sends the e-mail outbox (no payload: each run sends whatever is due). */
export const EMAIL_DISPATCH = defineJob<Record<string, never>>('email-dispatch', QueueName.DEFAULT);
