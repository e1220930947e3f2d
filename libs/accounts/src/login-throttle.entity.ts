import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Login failure counters, one row per (typed e-mail, client) pair and per client. Keys are
 * HMACs under the server secret: no e-mail or address is stored in clear, and every key has
 * the same length whatever was typed. Owned by libs/accounts (LoginThrottle); rows past
 * expires_at mean nothing and are purged now and then.
 */
@Entity('login_throttle')
export class LoginThrottleEntity {
  @PrimaryColumn({ type: 'bytea' })
  key: Buffer;

  @Column({ type: 'integer' })
  failures: number;

  @Column({ name: 'blocked_until', type: 'timestamptz', nullable: true })
  blockedUntil: Date | null;

  @Index('login_throttle_expires_at')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
