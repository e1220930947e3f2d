import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { Repository } from 'typeorm';
import { Actor, Page, PageRequest, badInput, decodeCursor, forbidden, isAdmin } from '@app/common';
import { keysetPage } from '@app/database';
import { AuditEventEntity } from './audit-event.entity';

export enum AuditAction {
  USER_REGISTERED = 'user.registered',
  USER_CREATED = 'user.created',
  USER_ROLES_CHANGED = 'user.roles_changed',
  ORGANIZATION_CREATED = 'organization.created',
  ORGANIZATION_UPDATED = 'organization.updated',
  ORGANIZATION_DELETED = 'organization.deleted',
  MENTOR_PROFILE_CREATED = 'mentor_profile.created',
  MENTOR_PROFILE_UPDATED = 'mentor_profile.updated',
  ORGANIZATIONS_IMPORTED = 'organizations.imported',
  MENTORS_IMPORTED = 'mentors.imported',
  MENTORSHIP_REQUESTED = 'mentorship_request.created',
  MENTORSHIP_REQUEST_ACCEPTED = 'mentorship_request.accepted',
  MENTORSHIP_REQUEST_DECLINED = 'mentorship_request.declined',
  MENTORSHIP_REQUEST_CANCELLED = 'mentorship_request.cancelled',
  MENTORSHIP_REQUEST_WITHDRAWN = 'mentorship_request.withdrawn',
  MENTORSHIP_REQUEST_EXPIRED = 'mentorship_request.expired',
  MENTORSHIP_REQUEST_REROUTED = 'mentorship_request.rerouted',
  MENTORSHIP_COMPLETED = 'mentorship.completed',
  MENTORSHIP_ENDED = 'mentorship.ended',
  MENTORSHIP_FEEDBACK_SUBMITTED = 'mentorship.feedback_submitted',
  MENTORSHIP_GOAL_ADDED = 'mentorship.goal_added',
  MENTORSHIP_GOAL_UPDATED = 'mentorship.goal_updated',
  MENTORSHIP_SESSION_LOGGED = 'mentorship.session_logged',
  MENTORSHIP_OUTCOMES_REPORTED = 'mentorship.outcomes_reported',
  MENTORSHIP_OUTCOME_FEATURED = 'mentorship_outcome.featured',
  PROGRAM_CREATED = 'program.created',
  PROGRAM_MEMBERS_ADDED = 'program.members_added',
  PROGRAM_MEMBERS_REMOVED = 'program.members_removed',
  MATCHING_ROUND_STARTED = 'matching_round.started',
  MATCHING_ROUND_PUBLISHED = 'matching_round.published',
}

export interface AuditRecord {
  actorId: string | null;
  action: AuditAction;
  targetType: string;
  targetId?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditFilter {
  action?: string | null;
  targetId?: string | null;
  actorId?: string | null;
}

/**
 * Appends an event with the caller's EntityManager, i.e. inside the transaction of the change
 * it records: both are written, or neither. Plain SQL, so any DataSource on the migrated schema
 * can use it (bulk tools build their own).
 */
export async function recordAuditEvent(manager: EntityManager, event: AuditRecord): Promise<void> {
  await manager.query(
    `INSERT INTO audit_events (actor_id, action, target_type, target_id, details) VALUES ($1, $2, $3, $4, $5)`,
    [
      event.actorId,
      event.action,
      event.targetType,
      event.targetId ?? null,
      JSON.stringify(event.details ?? {}),
    ],
  );
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>) {}

  /** See recordAuditEvent: written in the transaction of `manager`. */
  record(manager: EntityManager, event: AuditRecord): Promise<void> {
    return recordAuditEvent(manager, event);
  }

  /** Newest first; admins only. */
  async list(actor: Actor, filter: AuditFilter, request: PageRequest): Promise<Page<AuditEventEntity>> {
    if (!isAdmin(actor)) throw forbidden('Only admins read the audit log');
    const base = this.events.createQueryBuilder('e');
    if (filter.action) base.andWhere('e.action = :action', { action: filter.action });
    if (filter.targetId) base.andWhere('e.target_id = :targetId', { targetId: filter.targetId });
    if (filter.actorId) base.andWhere('e.actor_id = :actorId', { actorId: filter.actorId });
    // Events are ordered by their append sequence: it is both the key and the id.
    return keysetPage(base, request, {
      keyColumn: 'e.id',
      idColumn: 'e.id',
      direction: 'DESC',
      fetch: (query) => query.getMany(),
      positionOf: (e) => ({ key: String(e.id), id: String(e.id) }),
      decode: (cursor) => {
        const position = decodeCursor(cursor);
        if (!/^\d{1,18}$/.test(position.id) || position.key !== position.id) {
          throw badInput('after is not a valid cursor');
        }
        return position;
      },
    });
  }
}
