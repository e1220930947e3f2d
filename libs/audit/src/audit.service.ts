import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { Repository } from 'typeorm';
import {
  Actor,
  Page,
  PageRequest,
  badInput,
  decodeCursor,
  encodeCursor,
  forbidden,
  isAdmin,
  pageSize,
} from '@app/common';
import { countRows } from '@app/database';
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
    const size = pageSize(request.first);
    const base = this.events.createQueryBuilder('e');
    if (filter.action) base.andWhere('e.action = :action', { action: filter.action });
    if (filter.targetId) base.andWhere('e.target_id = :targetId', { targetId: filter.targetId });
    if (filter.actorId) base.andWhere('e.actor_id = :actorId', { actorId: filter.actorId });
    const pageQuery = base
      .clone()
      .orderBy('e.id', 'DESC')
      .limit(size + 1);
    if (request.after) {
      const { id } = decodeCursor(request.after);
      if (!/^\d{1,18}$/.test(id)) throw badInput('after is not a valid cursor');
      pageQuery.andWhere('e.id < :afterId', { afterId: id });
    }
    const [rows, totalCount] = await Promise.all([pageQuery.getMany(), countRows(base)]);
    const items = rows.slice(0, size);
    return {
      items,
      totalCount,
      hasNextPage: rows.length > size,
      cursors: items.map((e) => encodeCursor({ key: String(e.id), id: String(e.id) })),
    };
  }
}
