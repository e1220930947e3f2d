import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirLock, DataDirLockedError, LOCK_FILE, type LockHolder } from './data-dir-lock';
import { EmbeddedDatabaseError } from './embedded-database.errors';

describe('DataDirLock', () => {
  let dir: string;
  let warnings: string[];
  const warn = (message: string) => warnings.push(message);
  const lockFile = () => join(dir, LOCK_FILE);
  const writeHolder = (holder: Partial<LockHolder>) =>
    writeFileSync(
      lockFile(),
      JSON.stringify({
        host: hostname(),
        startedAt: '2026-01-01T00:00:00.000Z',
        command: 'API on port 3000',
        ...holder,
      }),
    );
  /** A pid that was just used and is no longer running. */
  const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mentorlink-lock-unit-'));
    warnings = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('records who holds the folder and removes the file on release', () => {
    const lock = DataDirLock.acquire(dir, 'CLI seed', warn);
    const holder = JSON.parse(readFileSync(lockFile(), 'utf8')) as LockHolder;
    expect(holder).toMatchObject({ pid: process.pid, host: hostname(), command: 'CLI seed' });
    expect(Date.parse(holder.startedAt)).toBeGreaterThan(Date.now() - 60_000);
    lock.release();
    lock.release();
    expect(existsSync(lockFile())).toBe(false);
    expect(warnings).toEqual([]);
  });

  it('refuses a live holder, naming its pid and what to do', () => {
    // The parent of this test process runs for as long as the test does.
    writeHolder({ pid: process.ppid });
    let error: unknown;
    try {
      DataDirLock.acquire(dir, 'API on port 3001', warn);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect(error).toBeInstanceOf(EmbeddedDatabaseError);
    const message = (error as Error).message;
    expect(message).toContain(
      `DATA_DIR ${dir} is in use by another Mentorlink process (pid ${process.ppid}, API on port 3000`,
    );
    expect(message).toContain(`Stop that process (kill ${process.ppid})`);
    expect(message).toContain('another folder (DATA_DIR=');
    expect(message).toContain(`delete ${lockFile()}`);
    expect(JSON.parse(readFileSync(lockFile(), 'utf8')).pid).toBe(process.ppid);
  });

  it('takes over a lock whose process is gone, with a warning naming the old pid', () => {
    const pid = deadPid();
    writeHolder({ pid });
    const lock = DataDirLock.acquire(dir, 'API on port 3000', warn);
    expect(JSON.parse(readFileSync(lockFile(), 'utf8')).pid).toBe(process.pid);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(
      `from pid ${pid} (API on port 3000, since 2026-01-01T00:00:00.000Z), which no longer runs`,
    );
    lock.release();
  });

  it('takes over a lock naming this pid that this process does not hold (pid 1 in a restarted container)', () => {
    writeHolder({ pid: process.pid });
    DataDirLock.acquire(dir, 'API', warn).release();
    expect(warnings[0]).toContain(`from pid ${process.pid}`);
  });

  (process.platform === 'linux' ? it : it.skip)(
    'takes over a lock whose pid now belongs to another process',
    () => {
      const holder = { pid: process.ppid, bootId: 'another-boot', processStart: '1' };
      writeHolder(holder);
      DataDirLock.acquire(dir, 'API', warn).release();
      expect(warnings[0]).toContain(`from pid ${process.ppid}`);
    },
  );

  it('never takes over a lock from another host, whose processes it cannot see', () => {
    writeHolder({ pid: deadPid(), host: 'other-host' });
    expect(() => DataDirLock.acquire(dir, 'API', warn)).toThrow(
      /on host other-host.*\n.*\n.*cannot tell whether host other-host still runs it/,
    );
  });

  it('takes over an unreadable lock once it is old enough not to be one being written', () => {
    writeFileSync(lockFile(), '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockFile(), old, old);
    DataDirLock.acquire(dir, 'API', warn).release();
    expect(warnings).toEqual([`Took over an unreadable lock file in DATA_DIR ${dir}, left by a crash.`]);
  });

  it('leaves a stale lock to another starter that is taking it over, and is then refused by that one', () => {
    writeHolder({ pid: deadPid() });
    const guard = `${lockFile()}.takeover`;
    writeFileSync(guard, '');
    // The other starter, in the middle of its takeover: it replaces the stale lock with its
    // own, then drops its guard. Removing the stale lock meanwhile would remove the new one.
    // The replacement is one rename, so that this process never finds the name free in between
    // (an unlink and a write would leave it a gap to win the lock in, and the test would flake).
    const other = spawn(
      process.execPath,
      [
        '-e',
        `const fs = require('node:fs');
         setTimeout(() => {
           const temp = ${JSON.stringify(lockFile())} + '.other';
           fs.writeFileSync(temp, JSON.stringify({ pid: process.pid,
             host: require('node:os').hostname(), startedAt: 'now', command: 'the other starter' }));
           fs.renameSync(temp, ${JSON.stringify(lockFile())});
           fs.unlinkSync(${JSON.stringify(guard)});
         }, 300);
         setInterval(() => undefined, 1000);`,
      ],
      { stdio: 'ignore' },
    );
    try {
      expect(() => DataDirLock.acquire(dir, 'API', warn)).toThrow(
        `in use by another Mentorlink process (pid ${other.pid}, the other starter`,
      );
      expect(warnings).toEqual([]);
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('removes a takeover guard left by a starter that died during its takeover', () => {
    writeHolder({ pid: deadPid() });
    const guard = `${lockFile()}.takeover`;
    writeFileSync(guard, '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(guard, old, old);
    DataDirLock.acquire(dir, 'API', warn).release();
    expect(warnings).toHaveLength(1);
    expect(existsSync(guard)).toBe(false);
  });

  it('refuses a second lock on the same folder within one process', () => {
    const lock = DataDirLock.acquire(dir, 'API', warn);
    expect(() => DataDirLock.acquire(dir, 'API', warn)).toThrow(
      `DATA_DIR ${dir} is already open in this process`,
    );
    lock.release();
    DataDirLock.acquire(dir, 'API', warn).release();
  });

  it('leaves a lock it no longer owns in place on release', () => {
    const lock = DataDirLock.acquire(dir, 'API', warn);
    writeHolder({ pid: process.ppid });
    lock.release();
    expect(JSON.parse(readFileSync(lockFile(), 'utf8')).pid).toBe(process.ppid);
  });
});
