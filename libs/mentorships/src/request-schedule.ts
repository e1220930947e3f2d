export const DAY_MS = 24 * 60 * 60 * 1000;

/** A delayed job: its deterministic id (scheduling twice schedules once) and when it is due. */
export interface ScheduledJob {
  id: string;
  jobId: string;
  delayMs: number;
}

/** When a request sent at `sentAt` expires. */
export const requestExpiresAt = (sentAt: number, expiryDays: number): Date =>
  new Date(sentAt + expiryDays * DAY_MS);

/**
 * The jobs of open requests: each expires at its expiry time; its mentor is reminded
 * `reminderDays` after it was sent, once, unless the reminder would come at or after the expiry
 * (or the expiry is already due: it expires instead). Jobs already due run at once.
 */
export function requestJobs(
  requests: ReadonlyArray<{ id: string; createdAt: Date; expiresAt: Date; remindedAt: Date | null }>,
  { now, reminderDays }: { now: number; reminderDays: number },
): { expire: ScheduledJob[]; remind: ScheduledJob[] } {
  const expire = requests.map((r) => ({
    id: r.id,
    jobId: `request-expire-${r.id}`,
    delayMs: Math.max(0, r.expiresAt.getTime() - now),
  }));
  const remind = requests
    .filter((r) => !r.remindedAt && now < r.expiresAt.getTime())
    .map((r) => ({ r, at: r.createdAt.getTime() + reminderDays * DAY_MS }))
    .filter(({ r, at }) => at < r.expiresAt.getTime())
    .map(({ r, at }) => ({ id: r.id, jobId: `request-remind-${r.id}`, delayMs: Math.max(0, at - now) }));
  return { expire, remind };
}

/** Each mentorship's outcome survey, `surveyDays` after it started (at once if that has passed). */
export function outcomeSurveyJobs(
  mentorships: ReadonlyArray<{ id: string; startedAt: Date }>,
  { now, surveyDays }: { now: number; surveyDays: number },
): ScheduledJob[] {
  return mentorships.map((m) => ({
    id: m.id,
    jobId: `outcome-survey-${m.id}`,
    delayMs: Math.max(0, m.startedAt.getTime() + surveyDays * DAY_MS - now),
  }));
}
