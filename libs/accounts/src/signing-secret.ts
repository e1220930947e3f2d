import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { dataDirFile } from '@app/database';

/**
 * The process's one server secret: JWT_SECRET, or one generated once and kept in DATA_DIR so
 * restarts keep sessions. Tokens are signed with it, and login-throttle keys are derived from
 * it; one provider, so a generated in-memory secret is the same for both.
 */
@Injectable()
export class SigningSecret {
  readonly value: string;

  constructor(config: AppConfig) {
    this.value = resolveSecret(config);
  }
}

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
