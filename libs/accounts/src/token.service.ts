import { createSecretKey, type KeyObject } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@app/config';
import { Actor, Role } from '@app/common';
import { isEconomyCode, type EconomyCode } from '@app/taxonomy';
import { SigningSecret } from './signing-secret';
import { TokenVersions } from './token-versions.service';

/** What a purpose-bound token (signFor) may be used for. */
export type TokenPurpose = 'queue-dashboard-ticket' | 'queue-dashboard-session';

/** The actor a token names, and the user's token version when it was issued. */
export interface SessionActor extends Actor {
  readonly tokenVersion: number;
}

interface TokenClaims {
  sub: string;
  roles: Role[];
  eco: EconomyCode[];
  /** users.token_version at issue; absent in tokens from before versions existed (read as 0). */
  ver?: number;
}

/**
 * Bearer tokens carry the actor (id, roles, managed economies) and the user's token version.
 * The signature is checked here; whether the version is still the user's current one (no role
 * change since) is checked per request with isCurrent(), against a short-lived cache.
 */
@Injectable()
export class TokenService {
  private readonly jwt: JwtService;

  constructor(
    config: AppConfig,
    secret: SigningSecret,
    private readonly versions: TokenVersions,
  ) {
    // A KeyObject, not the string: jsonwebtoken would otherwise try to parse the string as a
    // public key on every verify before falling back to HMAC (measurable per request).
    const key: KeyObject = createSecretKey(Buffer.from(secret.value, 'utf8'));
    this.jwt = new JwtService({
      secret: key as unknown as Buffer,
      signOptions: { expiresIn: config.JWT_TTL_SECONDS, algorithm: 'HS256', issuer: 'mentorlink' },
      verifyOptions: { algorithms: ['HS256'], issuer: 'mentorlink' },
    });
  }

  sign(actor: SessionActor): string {
    return this.jwt.sign(claimsOf(actor));
  }

  /**
   * A token for one purpose only (`aud`), e.g. a minute-long ticket that opens the queue
   * dashboard. Bearer tokens have no audience, and verify() refuses any that has one. It keeps
   * the version of the token it was made from, so a role change ends it too.
   */
  signFor(actor: SessionActor, purpose: TokenPurpose, ttlSeconds: number): string {
    return this.jwt.sign(claimsOf(actor), { audience: purpose, expiresIn: ttlSeconds });
  }

  /** The actor of a current token made by signFor for this purpose, or null. */
  async verifyFor(token: string, purpose: TokenPurpose): Promise<SessionActor | null> {
    const actor = this.read(token, purpose);
    return actor && (await this.isCurrent(actor)) ? actor : null;
  }

  /**
   * The actor a bearer token names, or null when its signature is bad or it has expired. Says
   * nothing of revocation: follow with isCurrent().
   */
  verify(token: string): SessionActor | null {
    return this.read(token, null);
  }

  /**
   * Whether the token's version is still the user's (no role change, the account still there).
   * May be up to TOKEN_VERSION_CACHE_MS behind a change made by another process.
   */
  async isCurrent(actor: SessionActor): Promise<boolean> {
    return (await this.versions.current(actor.userId)) === actor.tokenVersion;
  }

  private read(token: string, purpose: TokenPurpose | null): SessionActor | null {
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
      const version = claims.ver ?? 0;
      if (!Number.isInteger(version)) return null;
      return { userId: claims.sub, roles, managedEconomies: eco, tokenVersion: version };
    } catch {
      return null;
    }
  }
}

function claimsOf(actor: SessionActor): TokenClaims {
  return {
    sub: actor.userId,
    roles: [...actor.roles],
    eco: [...actor.managedEconomies],
    ver: actor.tokenVersion,
  };
}
