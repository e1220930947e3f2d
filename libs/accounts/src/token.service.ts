import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@app/config';
import { dataDirFile } from '@app/database';
import { Actor, Role } from '@app/common';
import { isEconomyCode, type EconomyCode } from '@app/taxonomy';

/** What a purpose-bound token (signFor) may be used for. */
export type TokenPurpose = 'queue-dashboard-ticket' | 'queue-dashboard-session';

interface TokenClaims {
  sub: string;
  roles: Role[];
  eco: EconomyCode[];
}

/**
 * Bearer tokens carry the actor (id, roles, managed economies) so a request needs no lookup
 * to be authorised. A role change takes effect at the next login (tokens live JWT_TTL_SECONDS).
 */
@Injectable()
export class TokenService {
  private readonly jwt: JwtService;

  constructor(config: AppConfig) {
    // A KeyObject, not the string: jsonwebtoken would otherwise try to parse the string as a
    // public key on every verify before falling back to HMAC (measurable per request).
    const key: KeyObject = createSecretKey(Buffer.from(resolveSecret(config), 'utf8'));
    this.jwt = new JwtService({
      secret: key as unknown as Buffer,
      signOptions: { expiresIn: config.JWT_TTL_SECONDS, algorithm: 'HS256', issuer: 'mentorlink' },
      verifyOptions: { algorithms: ['HS256'], issuer: 'mentorlink' },
    });
  }

  sign(actor: Actor): string {
    const claims: TokenClaims = {
      sub: actor.userId,
      roles: [...actor.roles],
      eco: [...actor.managedEconomies],
    };
    return this.jwt.sign(claims);
  }

  /**
   * A token for one purpose only (`aud`), e.g. a minute-long ticket that opens the queue
   * dashboard. Bearer tokens have no audience, and verify() refuses any that has one.
   */
  signFor(actor: Actor, purpose: TokenPurpose, ttlSeconds: number): string {
    const claims: TokenClaims = {
      sub: actor.userId,
      roles: [...actor.roles],
      eco: [...actor.managedEconomies],
    };
    return this.jwt.sign(claims, { audience: purpose, expiresIn: ttlSeconds });
  }

  /** The actor of a token made by signFor for this purpose, or null. */
  verifyFor(token: string, purpose: TokenPurpose): Actor | null {
    return this.read(token, purpose);
  }

  /** The actor a token names, or null when it is invalid or expired. */
  verify(token: string): Actor | null {
    return this.read(token, null);
  }

  private read(token: string, purpose: TokenPurpose | null): Actor | null {
    try {
      const claims = this.jwt.verify<TokenClaims & { aud?: string }>(
        token,
        purpose ? { audience: purpose } : {},
      );
      if (purpose === null && claims.aud !== undefined) return null;
      const roles = Array.isArray(claims.roles)
        ? claims.roles.filter((r): r is Role => Object.values(Role).includes(r))
        : [];
      const eco = Array.isArray(claims.eco) ? claims.eco.filter((e) => isEconomyCode(e)) : [];
      if (typeof claims.sub !== 'string') return null;
      return { userId: claims.sub, roles, managedEconomies: eco };
    } catch {
      return null;
    }
  }
}

/** Uses JWT_SECRET, or one generated once and kept in DATA_DIR so restarts keep sessions. */
function resolveSecret(config: AppConfig): string {
  if (config.JWT_SECRET) return config.JWT_SECRET;
  if (config.DATA_DIR === ':memory:') return randomBytes(32).toString('hex');
  const file = dataDirFile(config, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
