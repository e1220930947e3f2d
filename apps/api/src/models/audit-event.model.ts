import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { AuditEventEntity } from '@app/audit';
import { Connection } from './connection.model';

@ObjectType('AuditEvent', { description: 'An append-only record of a state change.' })
export class AuditEventModel {
  @Field(() => ID)
  id: string;

  @Field()
  occurredAt: Date;

  @Field({ description: 'e.g. user.roles_changed, organization.updated' })
  action: string;

  @Field()
  targetType: string;

  @Field(() => String, { nullable: true })
  targetId: string | null;

  @Field({ description: 'What changed, as JSON (field names, roles; never personal data).' })
  details: string;

  actorId: string | null;

  static from(e: AuditEventEntity): AuditEventModel {
    return {
      // bigint: a string from PostgreSQL, maybe a number from PGlite.
      id: String(e.id),
      occurredAt: e.occurredAt,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      details: JSON.stringify(e.details),
      actorId: e.actorId,
    };
  }
}

export const AuditEventConnection = Connection(AuditEventModel, 'AuditEvent');
