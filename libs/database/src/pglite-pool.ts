import { EventEmitter } from 'node:events';
import { PGlite, types, type PGliteOptions } from '@electric-sql/pglite';
import { EmbeddedDatabaseOpenError } from './embedded-database.errors';

type QueryResult = { rows: unknown[]; rowCount: number; command?: string; fields: unknown[] };
type Release = (err?: unknown) => void;
type ConnectCallback = (err: unknown, client: PGliteClient | null, release: Release) => void;

const TRANSACTION_START = /^\s*(BEGIN|START\s+TRANSACTION)\b/i;
const TRANSACTION_END = /^\s*(COMMIT|ROLLBACK|END|ABORT)\b(?!\s+TO\b)/i;

/**
 * One lease of the single PGlite connection. PGlite is one backend: two interleaved
 * transactions would commit each other's work, so a client is handed out exclusively and
 * every query from anyone else waits for `release`. TypeORM takes a client per query runner
 * (one per transaction, or per statement outside one), which makes this a correct
 * serialisation point for the whole process.
 */
export class PGliteClient extends EventEmitter {
  private released = false;
  private inTransaction = false;

  constructor(
    private readonly db: PGlite,
    private readonly onRelease: (client: PGliteClient) => Promise<void> = async () => undefined,
  ) {
    super();
  }

  /** Returns the lease to the pool, as pg's PoolClient.release does (for `await pool.connect()`). */
  release(): Promise<void> {
    return this.onRelease(this);
  }

  async query(sql: string | { text: string }, params?: unknown[]): Promise<QueryResult> {
    if (this.released) throw new Error('PGlite client used after release');
    const text = typeof sql === 'string' ? sql : sql.text;
    if (TRANSACTION_START.test(text)) this.inTransaction = true;
    else if (TRANSACTION_END.test(text)) this.inTransaction = false;
    if (params && params.length > 0) {
      const r = await this.db.query(text, params);
      return {
        rows: r.rows,
        rowCount: r.rowCount ?? r.affectedRows ?? 0,
        command: r.command,
        fields: r.fields,
      };
    }
    const results = await this.db.exec(text);
    const last = results[results.length - 1];
    if (!last) return { rows: [], rowCount: 0, fields: [] };
    return {
      rows: last.rows,
      rowCount: last.rowCount ?? last.affectedRows ?? 0,
      command: last.command,
      fields: last.fields,
    };
  }

  /** Loads rows in PostgreSQL's COPY text format through PGlite's virtual /dev/blob file. */
  /** COPY … FROM '/dev/blob' with `data` (text, or parts of it as text or UTF-8 bytes). */
  async copyFrom(copySql: string, data: string | ReadonlyArray<string | Uint8Array>): Promise<number> {
    if (this.released) throw new Error('PGlite client used after release');
    const parts = typeof data === 'string' ? [data] : [...data];
    const r = await this.db.query(copySql, [], { blob: new Blob(parts as Array<string | Buffer>) });
    return r.affectedRows ?? 0;
  }

  /**
   * Ends the lease; a transaction its holder left open is rolled back, never leaked to the next.
   * True only for the call that ended it, so a repeated release cannot hand the connection on twice.
   */
  async finish(): Promise<boolean> {
    if (this.released) return false;
    this.released = true;
    if (this.inTransaction) await this.db.exec('ROLLBACK').catch(() => undefined);
    return true;
  }
}

export interface PGlitePoolOptions {
  /** Directory of the database files; undefined keeps it in memory. */
  dataDir?: string;
  /** How long a caller may wait for the connection before failing. */
  acquireTimeoutMs?: number;
  /** Called once the database is closed (gives up the data folder's lock). */
  onEnd?: () => void;
}

/**
 * A `pg.Pool`-shaped front for one PGlite instance, handed to TypeORM's postgres driver as its
 * `driver`. FIFO: waiters get the connection in the order they asked for it.
 */
export class PGlitePool extends EventEmitter {
  readonly db: PGlite;
  private readonly waiters: Array<() => void> = [];
  private busy = false;
  private readonly acquireTimeoutMs: number;
  private readonly opened: Promise<void>;
  private ended?: Promise<void>;

  constructor(private readonly options: PGlitePoolOptions = {}) {
    super();
    this.acquireTimeoutMs = options.acquireTimeoutMs ?? 30_000;
    const pgliteOptions: PGliteOptions = {
      // pg returns int8 (counts, sums) as strings; keep the two modes alike.
      parsers: { [types.INT8]: (value: string) => value },
    };
    this.db = new PGlite(options.dataDir, pgliteOptions);
    const dataDir = options.dataDir;
    this.opened = this.db.waitReady.catch((err: unknown) => {
      throw dataDir ? new EmbeddedDatabaseOpenError(dataDir, err) : err;
    });
    // Callers see the failure through ready() or connect(); never as an unhandled rejection.
    this.opened.catch(() => undefined);
  }

  /** Resolves once the database is open; a folder PGlite cannot open rejects with the steps to take. */
  ready(): Promise<void> {
    return this.opened;
  }

  connect(callback?: ConnectCallback): Promise<PGliteClient> {
    const leased = this.acquire().then(() => new PGliteClient(this.db, (client) => this.release(client)));
    if (callback) {
      leased.then(
        (client) => callback(null, client, () => void this.release(client)),
        (err: unknown) => callback(err, null, () => undefined),
      );
    }
    return leased;
  }

  /** Runs `fn` with the connection to itself (bulk loads, raw SQL outside TypeORM). */
  async withClient<T>(fn: (client: PGliteClient) => Promise<T>): Promise<T> {
    const client = await this.connect();
    try {
      return await fn(client);
    } finally {
      await this.release(client);
    }
  }

  end(callback?: (err: unknown) => void): Promise<void> {
    this.ended ??= this.close();
    const done = this.ended;
    if (callback)
      done.then(
        () => callback(null),
        (err: unknown) => callback(err),
      );
    return done;
  }

  private async close(): Promise<void> {
    const opened = await this.opened.then(
      () => true,
      () => false,
    );
    try {
      // A database that never opened has nothing to close.
      if (opened) await this.db.close();
    } finally {
      // Only now, with PGlite's files closed, may another process have the folder.
      this.options.onEnd?.();
    }
  }

  private async acquire(): Promise<void> {
    await this.opened;
    if (!this.busy) {
      this.busy = true;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const grant = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        const index = this.waiters.indexOf(grant);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(new Error(`Embedded database busy: no connection within ${this.acquireTimeoutMs} ms`));
      }, this.acquireTimeoutMs);
      this.waiters.push(grant);
    });
  }

  private async release(client: PGliteClient): Promise<void> {
    if (!(await client.finish())) return;
    const next = this.waiters.shift();
    if (next) next();
    else this.busy = false;
  }
}
