import type { EntityManager } from 'typeorm';
import type { MentorshipStatus, RequestStatus } from './mentorship.entities';

/**
 * Which activity: between these organisations and these mentors, in the half-open window
 * [since, until) (null: open). Requests count by when they were sent, mentorships (and their
 * outcomes) by when they started.
 */
export interface ActivityScope {
  organizationIds: readonly string[];
  mentorIds: readonly string[];
  since: Date | null;
  until: Date | null;
}

export interface RequestActivity {
  organizationId: string;
  mentorId: string;
  status: RequestStatus;
  createdAt: Date;
  /** Hours from sending to the decision; null while undecided. */
  hoursToDecision: number | null;
}

export interface MentorshipActivity {
  id: string;
  organizationId: string;
  mentorId: string;
  status: MentorshipStatus;
  startedAt: Date;
  /** Outcomes reported for it, NONE not counted. */
  outcomes: number;
}

export interface ProgramActivity {
  requests: RequestActivity[];
  mentorships: MentorshipActivity[];
}

/**
 * The mentorship activity a programme report describes, read in the caller's transaction. Plain
 * rows: the report groups and suppresses them itself.
 */
export async function programActivity(
  manager: EntityManager,
  scope: ActivityScope,
): Promise<ProgramActivity> {
  if (scope.organizationIds.length === 0 || scope.mentorIds.length === 0) {
    return { requests: [], mentorships: [] };
  }
  const params = [scope.organizationIds, scope.mentorIds, scope.since, scope.until];
  // The mentors as a joined set: a cohort has thousands, and a hash join beats ANY() per row.
  const requests: Array<{
    organization_id: string;
    mentor_id: string;
    status: RequestStatus;
    created_at: Date | string;
    hours: number | string | null;
  }> = await manager.query(
    `SELECT r.organization_id, r.mentor_id, r.status, r.created_at,
            EXTRACT(EPOCH FROM (r.decided_at - r.created_at)) / 3600 AS hours
       FROM mentorship_requests r JOIN unnest($2::uuid[]) AS cohort(mentor_id) ON cohort.mentor_id = r.mentor_id
      WHERE r.organization_id = ANY($1::uuid[])
        AND ($3::timestamptz IS NULL OR r.created_at >= $3) AND ($4::timestamptz IS NULL OR r.created_at < $4)`,
    params,
  );
  const mentorships: Array<{
    id: string;
    organization_id: string;
    mentor_id: string;
    status: MentorshipStatus;
    started_at: Date | string;
    outcomes: number | string;
  }> = await manager.query(
    `SELECT s.id, s.organization_id, s.mentor_id, s.status, s.started_at, coalesce(x.n, 0)::int AS outcomes
       FROM mentorships s JOIN unnest($2::uuid[]) AS cohort(mentor_id) ON cohort.mentor_id = s.mentor_id
       LEFT JOIN (SELECT mentorship_id, count(*) AS n FROM mentorship_outcomes
                   WHERE kind <> 'NONE' AND organization_id = ANY($1::uuid[]) GROUP BY mentorship_id) x
         ON x.mentorship_id = s.id
      WHERE s.organization_id = ANY($1::uuid[])
        AND ($3::timestamptz IS NULL OR s.started_at >= $3) AND ($4::timestamptz IS NULL OR s.started_at < $4)`,
    params,
  );
  return {
    requests: requests.map((r) => ({
      organizationId: r.organization_id,
      mentorId: r.mentor_id,
      status: r.status,
      createdAt: new Date(r.created_at),
      hoursToDecision: r.hours === null ? null : Number(r.hours),
    })),
    mentorships: mentorships.map((s) => ({
      id: s.id,
      organizationId: s.organization_id,
      mentorId: s.mentor_id,
      status: s.status,
      startedAt: new Date(s.started_at),
      outcomes: Number(s.outcomes),
    })),
  };
}
