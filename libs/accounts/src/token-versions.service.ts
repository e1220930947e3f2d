import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig } from '@app/config';
import { UserEntity } from './user.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Past this many cached users, expired entries are swept before adding another. */
const SWEEP_ABOVE = 10_000;

/**
 * Each user's current token version (users.token_version), read from the database and kept
 * for TOKEN_VERSION_CACHE_MS, so the per-request check costs a map lookup on the hot path
 * while a change made anywhere (another API process included) is seen within that time.
 */
@Injectable()
export class TokenVersions {
  private readonly known = new Map<string, { version: number | null; until: number }>();
  private readonly reading = new Map<string, Promise<number | null>>();
  /** Bumped by forget(): a read that began before it must not cache what it found. */
  private epoch = 0;

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly config: AppConfig,
  ) {}

  /** The user's current token version; null when there is no such user. */
  current(userId: string): Promise<number | null> {
    const hit = this.known.get(userId);
    if (hit && hit.until > Date.now()) return Promise.resolve(hit.version);
    const pending = this.reading.get(userId);
    if (pending) return pending;
    const read = this.read(userId).finally(() => {
      if (this.reading.get(userId) === read) this.reading.delete(userId);
    });
    this.reading.set(userId, read);
    return read;
  }

  /** Drops what this process knows of a user, after it changed their version itself. */
  forget(userId: string): void {
    this.epoch++;
    this.known.delete(userId);
    this.reading.delete(userId);
  }

  private async read(userId: string): Promise<number | null> {
    if (!UUID.test(userId)) return null;
    const epoch = this.epoch;
    const rows = (await this.users.query(`SELECT token_version FROM users WHERE id = $1`, [
      userId,
    ])) as Array<{
      token_version: number;
    }>;
    const version = rows[0]?.token_version ?? null;
    const ttl = this.config.TOKEN_VERSION_CACHE_MS;
    if (ttl > 0 && epoch === this.epoch) {
      if (this.known.size >= SWEEP_ABOVE) this.sweep();
      this.known.set(userId, { version, until: Date.now() + ttl });
    }
    return version;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, entry] of this.known) if (entry.until <= now) this.known.delete(id);
  }
}
