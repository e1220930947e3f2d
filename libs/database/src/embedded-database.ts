import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppConfig } from '@app/config';
import { DataDirLock } from './data-dir-lock';
import { EmbeddedDatabaseError } from './embedded-database.errors';
import { PGlitePool } from './pglite-pool';

/** The embedded database of one data folder, opened by this process. */
export interface EmbeddedDatabase {
  /** DATA_DIR as an absolute path. */
  dataDir: string;
  /** Closes the database and gives the folder up, unless the application's data source did. */
  close(): Promise<void>;
}

export interface OpenEmbeddedOptions {
  /** What this process is, as the lock records it for a refused second process (`API`, `CLI seed`). */
  command: string;
  /** Hears about a stale lock taken over (a holder that did not stop cleanly). */
  warn: (message: string) => void;
}

interface OpenFolder {
  pool: PGlitePool;
  /** Handed to a data source, which closes it. */
  adopted: boolean;
}

const openFolders = new Map<string, OpenFolder>();

/**
 * Opens DATA_DIR's embedded database for this process: takes the folder's lock, then lets PGlite
 * open its files. Entry points call this before they build the application, so nothing touches
 * the folder (the database, the generated jwt-secret) without the lock, and a refused or damaged
 * folder stops the start with its message alone. The application's data source then takes this
 * database over (dataSourceOptions) and closes it at the stop, which gives the folder up.
 * Undefined when there is no folder to lock: DATABASE_URL set, or DATA_DIR=:memory:.
 */
export async function openEmbeddedDatabase(
  config: AppConfig,
  options: OpenEmbeddedOptions,
): Promise<EmbeddedDatabase | undefined> {
  const dataDir = lockableDataDir(config);
  if (!dataDir) return undefined;
  if (openFolders.has(dataDir)) {
    throw new EmbeddedDatabaseError(`DATA_DIR ${dataDir} is already open in this process`);
  }
  const folder = openFolder(dataDir, options);
  try {
    await folder.pool.ready();
  } catch (err) {
    await folder.pool.end();
    throw err;
  }
  return { dataDir, close: () => (folder.adopted ? Promise.resolve() : folder.pool.end()) };
}

/**
 * The pool a data source uses in embedded mode: the database openEmbeddedDatabase opened, or,
 * for callers that did not, one opened here under the same lock.
 */
export function embeddedPool(config: AppConfig): PGlitePool {
  const dataDir = lockableDataDir(config);
  if (!dataDir) return new PGlitePool();
  const open = openFolders.get(dataDir);
  // Two data sources on one folder would be two databases writing the same files.
  if (open?.adopted) throw new EmbeddedDatabaseError(`DATA_DIR ${dataDir} is already open in this process`);
  const folder =
    open ??
    openFolder(dataDir, {
      command: `node ${process.argv[1] ?? ''}`.trim(),
      warn: (message) => process.stderr.write(`${message}\n`),
    });
  folder.adopted = true;
  return folder.pool;
}

/** Where embedded mode keeps its database. `DATA_DIR=:memory:` keeps nothing (tests). */
export function embeddedDataDir(config: AppConfig): string | undefined {
  const dataDir = lockableDataDir(config);
  return dataDir && join(dataDir, 'pglite');
}

function lockableDataDir(config: AppConfig): string | undefined {
  if (!config.embeddedDatabase || config.DATA_DIR === ':memory:') return undefined;
  return resolve(config.DATA_DIR);
}

function openFolder(dataDir: string, options: OpenEmbeddedOptions): OpenFolder {
  const pgliteDir = join(dataDir, 'pglite');
  try {
    mkdirSync(pgliteDir, { recursive: true });
  } catch (err) {
    throw new EmbeddedDatabaseError(`Cannot use DATA_DIR ${dataDir}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const lock = DataDirLock.acquire(dataDir, options.command, options.warn);
  let pool: PGlitePool;
  try {
    pool = new PGlitePool({
      dataDir: pgliteDir,
      onEnd: () => {
        openFolders.delete(dataDir);
        lock.release();
      },
    });
  } catch (err) {
    lock.release();
    throw err;
  }
  const folder = { pool, adopted: false };
  openFolders.set(dataDir, folder);
  return folder;
}
