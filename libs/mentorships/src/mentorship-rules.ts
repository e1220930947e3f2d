import { type Actor, ErrorCode, badInput, isAdmin, isIsoDate } from '@app/common';
import { canSeeOrganization } from '@app/profiles';
import { isEconomyCode } from '@app/taxonomy';
import {
  FeedbackSide,
  type MentorshipOutcomeEntity,
  OutcomeKind,
  type FinancingBand,
} from './mentorship-records.entities';
import { DAY_MS } from './request-schedule';

export const END_REASON_MAX = 1000;
export const GOAL_TITLE_MAX = 200;
export const NOTES_MAX = 4000;
export const FEEDBACK_COMMENT_MAX = 2000;
export const NARRATIVE_MAX = 4000;
export const SESSION_MINUTES_MAX = 600;
/** Each side sees the other's feedback once both have given it, or this long after the end. */
export const FEEDBACK_REVEAL_DAYS = 14;

/** Who is who in a mentorship. */
export interface MentorshipParties {
  ownerId: string | null;
  mentorUserId: string;
  economy: string;
}

/** The part the actor plays: a party (owner, mentor), or a manager (program manager, admin). */
export type PartyRole = 'owner' | 'mentor' | 'manager';

/** The actor's part in the mentorship; null: none, and the mentorship is not theirs to see. */
export function partyRole(actor: Actor, parties: MentorshipParties): PartyRole | null {
  if (parties.ownerId === actor.userId) return 'owner';
  if (parties.mentorUserId === actor.userId) return 'mentor';
  return canSeeOrganization(actor, parties) ? 'manager' : null;
}

/** Program managers of the economy, and admins: who features case studies. */
export const managesEconomy = (actor: Actor, economy: string): boolean =>
  canSeeOrganization(actor, { ownerId: null, economy });

/**
 * Why the actor may not finish (complete or end) the mentorship, or null: the mentor, the owner
 * and admins may; program managers of its economy see it but may not (FORBIDDEN); others do not
 * see it (NOT_FOUND).
 */
export function finishRefusal(
  actor: Actor,
  parties: MentorshipParties,
): { code: ErrorCode.NOT_FOUND | ErrorCode.FORBIDDEN; message: string } | null {
  const role = partyRole(actor, parties);
  if (role === null) return { code: ErrorCode.NOT_FOUND, message: 'Mentorship not found' };
  if (role === 'manager' && !isAdmin(actor)) {
    return {
      code: ErrorCode.FORBIDDEN,
      message: 'Only the mentor, the organisation’s owner or an admin finishes a mentorship',
    };
  }
  return null;
}

/** The side whose feedback the actor gives and always reads; null for managers. */
export function ownSide(actor: Actor, parties: MentorshipParties): FeedbackSide | null {
  if (parties.mentorUserId === actor.userId) return FeedbackSide.MENTOR;
  if (parties.ownerId === actor.userId) return FeedbackSide.ORGANIZATION;
  return null;
}

/**
 * The feedback a reader may see: managers (own side null) all of it; a party their own side's,
 * and the other side's once both have given theirs or FEEDBACK_REVEAL_DAYS after the end.
 */
export function revealedFeedback<F extends { side: FeedbackSide }>(
  all: readonly F[],
  own: FeedbackSide | null,
  endedAt: Date | null,
  now: number,
): F[] {
  if (own === null) return [...all];
  const revealed =
    all.length === 2 || (endedAt !== null && now >= endedAt.getTime() + FEEDBACK_REVEAL_DAYS * DAY_MS);
  return all.filter((f) => f.side === own || revealed);
}

/** A session's day falls between the start of the mentorship and today (a day's slack east of UTC). */
export function sessionDayAllowed(heldOn: string, startedAt: Date, now: number): boolean {
  const day = Date.parse(`${heldOn}T00:00:00Z`);
  const started = Date.parse(startedAt.toISOString().slice(0, 10) + 'T00:00:00Z');
  return day >= started && day <= now + DAY_MS;
}

/** A session's date and length, checked before anything is read. */
export function checkSession(input: { heldOn: string; minutes: number }): void {
  if (!isIsoDate(input.heldOn)) {
    throw badInput('heldOn must be a date as YYYY-MM-DD', { field: 'heldOn' });
  }
  if (!Number.isInteger(input.minutes) || input.minutes < 1 || input.minutes > SESSION_MINUTES_MAX) {
    throw badInput(`minutes must be a whole number from 1 to ${SESSION_MINUTES_MAX}`, { field: 'minutes' });
  }
}

/** Trimmed text within `max` characters (and not blank, if required); BAD_USER_INPUT otherwise. */
export function checkedText(value: string, field: string, max: number, required: boolean): string {
  const text = value.trim();
  if (required && text.length === 0) throw badInput(`${field} must not be empty`, { field });
  if (text.length > max) throw badInput(`${field} is longer than ${max} characters`, { field });
  return text;
}

export interface OutcomeInput {
  kind: OutcomeKind;
  economies?: string[] | null;
  financingBand?: FinancingBand | null;
  jobsCreated?: number | null;
  note?: string | null;
}

export type OutcomeRow = Pick<
  MentorshipOutcomeEntity,
  'kind' | 'economies' | 'financingBand' | 'jobsCreated' | 'note'
>;

/** One row per kind, with exactly the details its kind takes; NONE stands alone. */
export function checkedOutcomes(outcomes: readonly OutcomeInput[]): OutcomeRow[] {
  if (outcomes.length === 0) throw badInput('Report at least one outcome (NONE if there was none)');
  const kinds = outcomes.map((o) => o.kind);
  if (new Set(kinds).size !== kinds.length) throw badInput('Each kind of outcome at most once per report');
  if (kinds.includes(OutcomeKind.NONE) && kinds.length > 1)
    throw badInput('NONE cannot go with other outcomes');
  return outcomes.map((o) => {
    const economies = [...new Set(o.economies ?? [])];
    const wrong = economies.filter((e) => !isEconomyCode(e));
    if (wrong.length > 0) throw badInput(`Unknown economies: ${wrong.join(', ')}`, { field: 'economies' });
    if ((o.kind === OutcomeKind.EXPORT_STARTED) !== economies.length > 0) {
      throw badInput('EXPORT_STARTED names the economies exported to, and only it does', {
        field: 'economies',
      });
    }
    if ((o.kind === OutcomeKind.FINANCING) !== (o.financingBand != null)) {
      throw badInput('FINANCING gives an amount band, and only it does', { field: 'financingBand' });
    }
    if ((o.kind === OutcomeKind.JOBS_CREATED) !== (o.jobsCreated != null)) {
      throw badInput('JOBS_CREATED gives a count, and only it does', { field: 'jobsCreated' });
    }
    if (
      o.jobsCreated != null &&
      (!Number.isInteger(o.jobsCreated) || o.jobsCreated < 1 || o.jobsCreated > 100_000)
    ) {
      throw badInput('jobsCreated must be a whole number from 1 to 100000', { field: 'jobsCreated' });
    }
    return {
      kind: o.kind,
      economies: economies as OutcomeRow['economies'],
      financingBand: o.financingBand ?? null,
      jobsCreated: o.jobsCreated ?? null,
      note: checkedText(o.note ?? '', 'note', NOTES_MAX, false),
    };
  });
}
