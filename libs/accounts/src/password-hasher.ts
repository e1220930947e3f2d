import { Injectable, type OnModuleInit } from '@nestjs/common';
import { hash, verify, Algorithm } from '@node-rs/argon2';

/** OWASP's Argon2id baseline (19 MiB, 2 passes, 1 lane). */
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

@Injectable()
export class PasswordHasher implements OnModuleInit {
  /** A real hash of nothing, so unknown accounts cost the same time as known ones. */
  private decoy?: Promise<string>;

  /** Makes the decoy at boot, so the first unknown e-mail costs no more than the others. */
  onModuleInit(): void {
    this.decoy ??= this.hash('decoy-password-never-matches');
  }

  hash(password: string): Promise<string> {
    return hash(password, OPTIONS);
  }

  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    if (!passwordHash) {
      this.decoy ??= this.hash('decoy-password-never-matches');
      await verify(await this.decoy, password).catch(() => false);
      return false;
    }
    return verify(passwordHash, password).catch(() => false);
  }
}
