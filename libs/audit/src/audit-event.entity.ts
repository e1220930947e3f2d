import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One state change: who did what to which object, when. Append-only: a trigger rejects UPDATE
 * and DELETE. Details name what changed (field names, roles), never personal data.
 */
@Entity('audit_events')
@Index('audit_events_target', ['targetType', 'targetId'])
export class AuditEventEntity {
  /** Append order; pg returns bigint as a string. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  /** Null for the system (imports, demo data). */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Index('audit_events_action')
  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'target_type', type: 'text' })
  targetType: string;

  @Column({ name: 'target_id', type: 'text', nullable: true })
  targetId: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;
}
