/** Codes of the mentorship workflow (GraphQL `extensions.code`), beside the common ErrorCode. */
export enum MentorshipErrorCode {
  /** The organisation already has the most open mentorship requests allowed. */
  TOO_MANY_OPEN_REQUESTS = 'TOO_MANY_OPEN_REQUESTS',
  /** The organisation already has an open request to this mentor. */
  DUPLICATE_REQUEST = 'DUPLICATE_REQUEST',
  /** The pair fails a hard gate (no shared language, mentor not taking requests). */
  NOT_ELIGIBLE = 'NOT_ELIGIBLE',
  /** The organisation runs as many mentorships as the mentors it wants (mentorsWanted). */
  MENTORS_WANTED_REACHED = 'MENTORS_WANTED_REACHED',
  /** The mentor runs as many mentorships as their capacity allows. */
  CAPACITY_FULL = 'CAPACITY_FULL',
  /** The request was already accepted, declined, cancelled, withdrawn or expired. */
  ALREADY_DECIDED = 'ALREADY_DECIDED',
  /** The mentorship has already completed or ended. */
  NOT_ACTIVE = 'NOT_ACTIVE',
  /** Feedback opens once the mentorship has completed or ended. */
  NOT_FINISHED = 'NOT_FINISHED',
  /** This side has already given its feedback. */
  ALREADY_SUBMITTED = 'ALREADY_SUBMITTED',
}
