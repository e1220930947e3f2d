import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '@app/config';
import { DomainError } from '@app/common';
import { AccountErrorCode } from './account-error-code';
import { afterSuccess, clientKeyOf, decideAttempt, type Counter, type LoginLimits } from './login-throttle';
import { SigningSecret } from './signing-secret';

/** A counted attempt; hand it back to succeeded() when the password was right. */
export interface LoginAttempt {
  readonly pairKey: Buffer;
  readonly clientKey: Buffer;
}

interface Row {
  now: Date | string;
  key: Uint8Array | null;
  failures: number;
  blocked_until: Date | string | null;
  expires_at: Date | string;
}

/** Expired rows are deleted at most this often per process. */
const PURGE_EVERY_MS = 60_000;

/**
 * Counts login failures in the database (login_throttle), so the limits hold across API
 * processes and in embedded mode alike, and decides with the pure rules of login-throttle.ts.
 * Attempts of one client are serialised by a transaction-scoped advisory lock on the client's
 * key: each is counted before its password is checked, so neither aliases in one request nor
 * parallel requests get more tries than the limits allow.
 */
@Injectable()
export class LoginThrottle {
  private readonly hmacKey: Buffer;
  private readonly limits: LoginLimits;
  private lastPurge = 0;

  constructor(
    private readonly dataSource: DataSource,
    config: AppConfig,
    secret: SigningSecret,
  ) {
    this.hmacKey = createHmac('sha256', secret.value).update('mentorlink:login-throttle').digest();
    this.limits = {
      maxAttempts: config.LOGIN_MAX_ATTEMPTS,
      delaySeconds: config.LOGIN_DELAY_SECONDS,
      maxDelaySeconds: config.LOGIN_MAX_DELAY_SECONDS,
      clientMaxFailures: config.LOGIN_CLIENT_MAX_FAILURES,
      windowSeconds: config.LOGIN_WINDOW_SECONDS,
    };
  }

  /**
   * Counts an attempt on `email` (normalised) from `clientIp`, or refuses it with
   * TOO_MANY_ATTEMPTS and `retryAfterSeconds` in the error's extensions.
   */
  async reserve(email: string, clientIp: string | undefined): Promise<LoginAttempt> {
    const client = clientKeyOf(clientIp);
    const attempt: LoginAttempt = {
      pairKey: this.key(`pair\0${email}\0${client}`),
      clientKey: this.key(`client\0${client}`),
    };
    const refusal = await this.dataSource.transaction(async (manager) => {
      const { rows, now } = await this.lockAndRead(manager, attempt);
      const decision = decideAttempt(rows.get('pair') ?? null, rows.get('client') ?? null, now, this.limits);
      if (!decision.allowed) return decision.retryAfterSeconds;
      await this.write(manager, [
        [attempt.pairKey, decision.pair],
        [attempt.clientKey, decision.client],
      ]);
      return null;
    });
    await this.purgeNowAndThen();
    if (refusal !== null) {
      throw new DomainError(
        AccountErrorCode.TOO_MANY_ATTEMPTS,
        `Too many failed logins; try again in ${refusal} s`,
        { retryAfterSeconds: refusal },
      );
    }
    return attempt;
  }

  /** The password was right: this pair starts afresh and the client gets its count back. */
  async succeeded(attempt: LoginAttempt): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const { rows, now } = await this.lockAndRead(manager, attempt);
      await manager.query(`DELETE FROM login_throttle WHERE key = $1`, [attempt.pairKey]);
      const client = afterSuccess(rows.get('client') ?? null, now);
      if (client) await this.write(manager, [[attempt.clientKey, client]]);
    });
  }

  private key(text: string): Buffer {
    // 128 bits are plenty to tell counters apart.
    return createHmac('sha256', this.hmacKey).update(text).digest().subarray(0, 16);
  }

  private async lockAndRead(
    manager: EntityManager,
    attempt: LoginAttempt,
  ): Promise<{ rows: Map<'pair' | 'client', Counter>; now: Date }> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('mentorlink:login-throttle'), $1::int)`, [
      attempt.clientKey.readInt32BE(0),
    ]);
    // clock_timestamp(), not now(): the transaction may have waited for the lock.
    const found = (await manager.query(
      `SELECT clock_timestamp() AS now, t.key, t.failures, t.blocked_until, t.expires_at
         FROM (SELECT 1) AS one
         LEFT JOIN login_throttle t ON t.key IN ($1, $2)`,
      [attempt.pairKey, attempt.clientKey],
    )) as Row[];
    const rows = new Map<'pair' | 'client', Counter>();
    for (const row of found) {
      if (row.key === null) continue;
      rows.set(Buffer.from(row.key).equals(attempt.pairKey) ? 'pair' : 'client', {
        failures: row.failures,
        blockedUntil: row.blocked_until === null ? null : new Date(row.blocked_until),
        expiresAt: new Date(row.expires_at),
      });
    }
    return { rows, now: new Date(found[0].now) };
  }

  private async write(manager: EntityManager, counters: Array<[Buffer, Counter]>): Promise<void> {
    const params: unknown[] = [];
    const values = counters.map(([key, c]) => {
      params.push(key, c.failures, c.blockedUntil, c.expiresAt);
      const n = params.length;
      return `($${n - 3}::bytea, $${n - 2}::int, $${n - 1}::timestamptz, $${n}::timestamptz)`;
    });
    await manager.query(
      `INSERT INTO login_throttle (key, failures, blocked_until, expires_at) VALUES ${values.join(', ')}
       ON CONFLICT (key) DO UPDATE SET failures = EXCLUDED.failures,
         blocked_until = EXCLUDED.blocked_until, expires_at = EXCLUDED.expires_at`,
      params,
    );
  }

  private async purgeNowAndThen(): Promise<void> {
    if (Date.now() - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = Date.now();
    await this.dataSource.query(`DELETE FROM login_throttle WHERE expires_at < now()`);
  }
}
