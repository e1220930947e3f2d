import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Role } from '@app/common';
import type { EconomyCode } from '@app/taxonomy';

@Entity('users')
@Check('users_roles_known', `roles <@ ARRAY['MSME_OWNER','MENTOR','PROGRAM_MANAGER','ADMIN']::text[]`)
@Check('users_email_lower', `email = lower(email)`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('users_email_key', { unique: true })
  @Column({ type: 'text' })
  email: string;

  /** Argon2id PHC string; null for accounts that cannot log in (imported, synthetic). */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash: string | null;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  roles: Role[];

  @Column({ name: 'managed_economies', type: 'text', array: true, default: () => "'{}'" })
  managedEconomies: EconomyCode[];

  /**
   * Bumped by every change of roles or managed economies (and, later, disabling). A token
   * names the version it was issued at; one issued at an older version is refused.
   */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
