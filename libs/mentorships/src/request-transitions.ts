import { AuditAction } from '@app/audit';
import { type Actor, ErrorCode } from '@app/common';
import { canSeeOrganization } from '@app/profiles';
import { NotificationKind, RequestStatus } from './mentorship.entities';

/** What a PENDING request may become. */
export type Decision = Exclude<RequestStatus, RequestStatus.PENDING>;

/** Who decides, and which side hears of it. */
export interface DecisionRule {
  by: 'mentor' | 'owner' | 'platform';
  tells: 'owner' | 'mentor';
  notification: NotificationKind;
  audit: AuditAction;
}

/**
 * The decisions on a request: the mentor answers (accepts, declines), the owner cancels, the
 * platform expires it when nobody answered and withdraws it once the organisation has the
 * mentors it wants (or is deleted: then cancelled, by whoever deleted it).
 */
export const DECISIONS: Readonly<Record<Decision, DecisionRule>> = {
  [RequestStatus.ACCEPTED]: {
    by: 'mentor',
    tells: 'owner',
    notification: NotificationKind.REQUEST_ACCEPTED,
    audit: AuditAction.MENTORSHIP_REQUEST_ACCEPTED,
  },
  [RequestStatus.DECLINED]: {
    by: 'mentor',
    tells: 'owner',
    notification: NotificationKind.REQUEST_DECLINED,
    audit: AuditAction.MENTORSHIP_REQUEST_DECLINED,
  },
  [RequestStatus.CANCELLED]: {
    by: 'owner',
    tells: 'mentor',
    notification: NotificationKind.REQUEST_CANCELLED,
    audit: AuditAction.MENTORSHIP_REQUEST_CANCELLED,
  },
  [RequestStatus.EXPIRED]: {
    by: 'platform',
    tells: 'owner',
    notification: NotificationKind.REQUEST_EXPIRED,
    audit: AuditAction.MENTORSHIP_REQUEST_EXPIRED,
  },
  [RequestStatus.WITHDRAWN]: {
    by: 'platform',
    tells: 'mentor',
    notification: NotificationKind.REQUEST_WITHDRAWN,
    audit: AuditAction.MENTORSHIP_REQUEST_WITHDRAWN,
  },
};

/** Decided once: only a PENDING request moves, to any decision. */
export const canMove = (from: RequestStatus, to: Decision): boolean =>
  from === RequestStatus.PENDING && to in DECISIONS;

/** The statuses a request may be decided `to` from: the guard of the conditional UPDATE. */
export const decidableFrom = (to: Decision): RequestStatus[] =>
  Object.values(RequestStatus).filter((from) => canMove(from, to));

/** A request's parties as an access check needs them. */
export interface RequestParties {
  ownerId: string | null;
  mentorUserId: string;
  economy: string;
}

/**
 * Why the actor may not make this decision, or null if they may: NOT_FOUND for those who may not
 * see the request (neither party, nor a program manager of its economy, nor an admin), FORBIDDEN
 * for those who see it but are not the side that decides.
 */
export function decisionRefusal(
  actor: Actor,
  parties: RequestParties,
  to: Decision,
): { code: ErrorCode.NOT_FOUND | ErrorCode.FORBIDDEN; message: string } | null {
  const visible =
    parties.mentorUserId === actor.userId ||
    canSeeOrganization(actor, { ownerId: parties.ownerId, economy: parties.economy });
  if (!visible) return { code: ErrorCode.NOT_FOUND, message: 'Mentorship request not found' };
  const { by } = DECISIONS[to];
  if (by === 'mentor' && parties.mentorUserId !== actor.userId) {
    return { code: ErrorCode.FORBIDDEN, message: 'Only the mentor the request is addressed to answers it' };
  }
  if (by === 'owner' && parties.ownerId !== actor.userId) {
    return { code: ErrorCode.FORBIDDEN, message: "Only the organisation's owner cancels its requests" };
  }
  if (by === 'platform')
    return { code: ErrorCode.FORBIDDEN, message: 'Only the platform makes this decision' };
  return null;
}
