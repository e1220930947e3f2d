import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, openSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { constants as osConstants, hostname } from 'node:os';
import { join } from 'node:path';
import { EmbeddedDatabaseError } from './embedded-database.errors';

/** The file in DATA_DIR that names the one process using the folder. */
export const LOCK_FILE = 'mentorlink.lock';

/** A takeover guard older than this was left by a starter that died during its takeover. */
const GUARD_STALE_MS = 10_000;

/** What the lock file records about the process holding the folder. */
export interface LockHolder {
  pid: number;
  host: string;
  /** When the lock was taken (ISO time). */
  startedAt: string;
  /** What the process is, for people reading the message (`API`, `CLI seed`). */
  command: string;
  /** Linux: the boot the process runs in, and its start in clock ticks since that boot. */
  bootId?: string;
  processStart?: string;
}

export class DataDirLockedError extends EmbeddedDatabaseError {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    const lockFile = join(dataDir, LOCK_FILE);
    const here = holder.host === hostname();
    super(
      [
        `DATA_DIR ${dataDir} is in use by another Mentorlink process (pid ${holder.pid}` +
          `${here ? '' : ` on host ${holder.host}`}, ${holder.command}, since ${holder.startedAt}). ` +
          'An embedded database takes one process at a time.',
        `Stop that process${here ? ` (kill ${holder.pid})` : ''} and start again, or give this one ` +
          'another folder (DATA_DIR=/another/path).',
        here
          ? `If no Mentorlink process runs as pid ${holder.pid}, the lock is left over: delete ${lockFile}.`
          : `This host cannot tell whether host ${holder.host} still runs it: if it does not, delete ${lockFile}.`,
      ].join('\n'),
    );
  }
}

/**
 * An exclusive lock on one data folder: a file created atomically, holding the owner's pid,
 * host and start. A lock whose process is gone (same host) is stale and taken over.
 *
 * Why a pid file and not an mtime-refreshed lock (proper-lockfile): PGlite runs on the main
 * thread, so a long load can block the timer that refreshes the mtime and let a second process
 * take a live lock; a pid check never does, and it finds a crashed holder at once.
 */
export class DataDirLock {
  private released = false;

  private constructor(
    readonly dataDir: string,
    readonly file: string,
    private readonly content: string,
  ) {}

  /**
   * Takes the lock of `dataDir` (which must exist) or throws DataDirLockedError naming the
   * holder. `warn` hears about a stale lock taken over.
   */
  static acquire(dataDir: string, command: string, warn: (message: string) => void): DataDirLock {
    const file = join(dataDir, LOCK_FILE);
    if ([...held].some((lock) => lock.file === file)) {
      throw new EmbeddedDatabaseError(`DATA_DIR ${dataDir} is already open in this process`);
    }
    const content = `${JSON.stringify(describeSelf(command))}\n`;
    // Only a takeover by another starter makes this loop go round more than twice; it lasts
    // milliseconds, or GUARD_STALE_MS if that starter died in the middle of it.
    const deadline = Date.now() + GUARD_STALE_MS + 5000;
    while (Date.now() < deadline) {
      if (createExclusive(file, content)) {
        const lock = new DataDirLock(dataDir, file, content);
        held.add(lock);
        if (!exitHookInstalled) process.on('exit', releaseAllHeld);
        exitHookInstalled = true;
        return lock;
      }
      const raw = readOrUndefined(file);
      if (raw === undefined) continue; // released meanwhile
      const holder = parseHolder(raw);
      if (!holder) {
        // Our writes are atomic (see createExclusive), so an unreadable lock was cut short by a
        // crash, unless the no-link fallback is writing it right now: give that a moment.
        if (Date.now() - mtimeMs(file) < 2000) {
          sleepSync(50);
          continue;
        }
      } else if (!holderIsGone(holder)) {
        throw new DataDirLockedError(dataDir, holder);
      }
      if (removeStale(file, raw)) {
        warn(
          holder
            ? `Took over the lock of DATA_DIR ${dataDir} from pid ${holder.pid} (${holder.command}, since ` +
                `${holder.startedAt}), which no longer runs: it did not stop cleanly.`
            : `Took over an unreadable lock file in DATA_DIR ${dataDir}, left by a crash.`,
        );
      } else {
        sleepSync(20);
      }
    }
    throw new EmbeddedDatabaseError(
      `Could not take the lock ${file}: other processes keep changing it. Start one Mentorlink process at a time.`,
    );
  }

  /** Gives the folder up; the file goes only if it is still ours. Safe to call twice. */
  release(): void {
    if (this.released) return;
    this.released = true;
    held.delete(this);
    if (readOrUndefined(this.file) === this.content) unlinkQuietly(this.file);
  }
}

const held = new Set<DataDirLock>();
let exitHookInstalled = false;

// A process that ends without closing its database (process.exit, an uncaught error) still
// gives the folder up. Death by a signal skips this: the next start finds the pid gone.
function releaseAllHeld(): void {
  for (const lock of [...held]) lock.release();
}

function describeSelf(command: string): LockHolder {
  const self = linuxProcessIdentity(process.pid);
  return {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    command,
    ...(self ? { bootId: self.bootId, processStart: self.start } : {}),
  };
}

/**
 * Creates `file` with `content` only if it does not exist, never visible half-written: the
 * content goes to a private file first, which is then hard-linked to the lock's name (link
 * fails if the name exists). File systems without hard links fall back to an exclusive open.
 */
function createExclusive(file: string, content: string): boolean {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, content, { mode: 0o644 });
  try {
    linkSync(temp, file);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw err;
    return createWithExclusiveOpen(file, content);
  } finally {
    unlinkQuietly(temp);
  }
}

function createWithExclusiveOpen(file: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    writeFileSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Removes a stale lock whose text is `raw`. Two processes may find the same stale lock at once:
 * each must remove only that one, never the lock the other has just created, so removal is done
 * under a short-lived guard file, after reading the lock again.
 */
function removeStale(file: string, raw: string): boolean {
  const guard = `${file}.takeover`;
  let fd: number;
  try {
    fd = openSync(guard, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    // A takeover lasts milliseconds; a guard this old was left by a process that died in one.
    if (Date.now() - mtimeMs(guard) > GUARD_STALE_MS) unlinkQuietly(guard);
    return false;
  }
  try {
    if (readOrUndefined(file) !== raw) return false;
    unlinkQuietly(file);
    return true;
  } finally {
    closeSync(fd);
    unlinkQuietly(guard);
  }
}

/** True when the holder certainly no longer runs; a holder on another host is never gone. */
export function holderIsGone(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return false;
  // Our own pid in a lock we do not hold: an earlier process with the same pid (pid 1 in a
  // restarted container) wrote it. Locks this process holds are refused before they get here.
  if (holder.pid === process.pid) return true;
  if (!pidAlive(holder.pid)) return true;
  // The pid runs, but maybe as another process since a reboot or pid reuse.
  const now = linuxProcessIdentity(holder.pid);
  if (now && holder.bootId && holder.processStart) {
    return now.bootId !== holder.bootId || now.start !== holder.processStart;
  }
  return false;
}

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Linux only: which boot this is and when `pid` started in it; identifies a process exactly. */
function linuxProcessIdentity(pid: number): { bootId: string; start: string } | undefined {
  try {
    const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces and parentheses); starttime is 22nd.
    const start = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    return bootId && start ? { bootId, start } : undefined;
  } catch {
    return undefined;
  }
}

function parseHolder(raw: string): LockHolder | undefined {
  try {
    const value = JSON.parse(raw) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string') return undefined;
    return {
      pid: value.pid,
      host: value.host,
      startedAt: String(value.startedAt ?? 'an unknown time'),
      command: String(value.command ?? 'unknown command'),
      bootId: typeof value.bootId === 'string' ? value.bootId : undefined,
      processStart: typeof value.processStart === 'string' ? value.processStart : undefined,
    };
  } catch {
    return undefined;
  }
}

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function mtimeMs(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone.
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Makes SIGINT and SIGTERM end the process through process.exit, which runs the lock's exit hook
 * (a death by the signal's default action skips it and leaves a stale lock behind). For the time
 * before an application's own shutdown hooks listen, or for a process without them (the CLI).
 * Returns what removes the handlers again.
 */
export function exitOnSignals(): () => void {
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
    const handler = (): never => process.exit(128 + osConstants.signals[signal]);
    process.once(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of handlers) process.removeListener(signal, handler);
  };
}
