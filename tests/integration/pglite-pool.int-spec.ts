import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { UserEntity } from '@app/accounts';
import { loadConfig } from '@app/config';
import { PGlitePool, dataSourceOptions, type PGliteClient } from '@app/database';
import { MentorProfileEntity, OrganizationEntity } from '@app/profiles';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Lease {
  client: PGliteClient;
  release: () => void;
}

/** A lease through the callback form, the one TypeORM uses. */
function lease(pool: PGlitePool): Promise<Lease> {
  return new Promise((resolve, reject) => {
    void pool.connect((err, client, release) => (err ? reject(err) : resolve({ client: client!, release })));
  });
}

/** Resolves 'pending' when the promise has not settled within the time. */
async function settledWithin<T>(promise: Promise<T>, ms: number): Promise<'settled' | 'pending'> {
  return Promise.race([promise.then(() => 'settled' as const), sleep(ms).then(() => 'pending' as const)]);
}

describe('PGlitePool behind TypeORM (embedded mode)', () => {
  let ds: DataSource;
  let pool: PGlitePool;

  const counter = async (): Promise<number> =>
    Number(
      ((await ds.query('SELECT value FROM test_counter WHERE id = 1')) as Array<{ value: number }>)[0].value,
    );
  const notes = async (): Promise<string[]> =>
    ((await ds.query('SELECT body FROM test_notes ORDER BY body')) as Array<{ body: string }>).map(
      (r) => r.body,
    );

  beforeAll(async () => {
    ds = new DataSource({
      ...dataSourceOptions(loadConfig({ DATA_DIR: ':memory:' })),
      entities: [UserEntity, OrganizationEntity, MentorProfileEntity],
    });
    await ds.initialize();
    pool = (ds.driver as PostgresDriver).master as PGlitePool;
    expect(pool).toBeInstanceOf(PGlitePool);
    await ds.query('CREATE TABLE test_counter (id integer PRIMARY KEY, value integer NOT NULL)');
    await ds.query('CREATE TABLE test_notes (body text PRIMARY KEY)');
  }, 60_000);

  afterAll(async () => {
    await ds?.destroy();
  });

  beforeEach(async () => {
    await ds.query('DELETE FROM test_notes');
    await ds.query('DELETE FROM test_counter');
    await ds.query('INSERT INTO test_counter (id, value) VALUES (1, 0)');
  });

  it('serialises 30 concurrent read-then-write transactions: no lost update', async () => {
    const seen: number[] = [];
    await Promise.all(
      Array.from({ length: 30 }, () =>
        ds.transaction(async (manager) => {
          const [{ value }] = (await manager.query('SELECT value FROM test_counter WHERE id = 1')) as Array<{
            value: number;
          }>;
          seen.push(value);
          await sleep(1);
          await manager.query('UPDATE test_counter SET value = $1 WHERE id = 1', [value + 1]);
        }),
      ),
    );
    expect(await counter()).toBe(30);
    // Each transaction saw the previous one's commit, and none saw another's uncommitted write.
    expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it('rolls back a transaction that throws, and the next one sees a clean state', async () => {
    await expect(
      ds.transaction(async (manager) => {
        await manager.query(`INSERT INTO test_notes (body) VALUES ('doomed')`);
        await manager.query('UPDATE test_counter SET value = 99 WHERE id = 1');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await ds.transaction(async (manager) => {
      expect(await manager.query('SELECT body FROM test_notes')).toEqual([]);
      await manager.query(`INSERT INTO test_notes (body) VALUES ('kept')`);
    });
    expect(await notes()).toEqual(['kept']);
    expect(await counter()).toBe(0);
  });

  it('recovers after a transaction whose statement failed (aborted transaction)', async () => {
    await expect(
      ds.transaction(async (manager) => {
        await manager.query(`INSERT INTO test_notes (body) VALUES ('dup')`);
        await manager.query(`INSERT INTO test_notes (body) VALUES ('dup')`);
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await notes()).toEqual([]);
    await ds.query(`INSERT INTO test_notes (body) VALUES ('after')`);
    expect(await notes()).toEqual(['after']);
  });

  it('does not leak a transaction its holder left open when the lease is released', async () => {
    const { client, release } = await lease(pool);
    await client.query('BEGIN');
    await client.query(`INSERT INTO test_notes (body) VALUES ('uncommitted')`);
    await client.query('UPDATE test_counter SET value = 7 WHERE id = 1');
    release();
    // The next holder does not inherit the open transaction: it sees nothing uncommitted...
    expect(await notes()).toEqual([]);
    expect(await counter()).toBe(0);
    // ...and its own work commits for real (it is not nested in the leftover transaction).
    await ds.transaction(async (manager) => {
      await manager.query(`INSERT INTO test_notes (body) VALUES ('committed')`);
    });
    expect(await notes()).toEqual(['committed']);
  });

  it('refuses queries on a client after its lease is released', async () => {
    const { client, release } = await lease(pool);
    release();
    await expect(client.query('SELECT 1')).rejects.toThrow(/after release/);
  });

  it('hands the connection out in the order it was asked for', async () => {
    const first = await lease(pool);
    const order: string[] = [];
    const waiters = ['b', 'c', 'd'].map((name) =>
      lease(pool).then((l) => {
        order.push(name);
        l.release();
      }),
    );
    await sleep(10);
    expect(order).toEqual([]);
    first.release();
    await Promise.all(waiters);
    expect(order).toEqual(['b', 'c', 'd']);
  });

  it('keeps the lease exclusive when a release callback is called twice', async () => {
    const a = await lease(pool);
    const b = lease(pool);
    const c = lease(pool);
    a.release();
    a.release();
    const bLease = await b;
    // B holds the connection: C must still be waiting, whatever A did twice.
    expect(await settledWithin(c, 100)).toBe('pending');
    bLease.release();
    (await c).release();
  });

  it('lets a promise-form lease be released through the client', async () => {
    const client = await pool.connect();
    await client.query('BEGIN');
    await client.query(`INSERT INTO test_notes (body) VALUES ('promise-form')`);
    await client.release();
    expect(await notes()).toEqual([]);
  });

  it('runs withClient work with the connection to itself and releases it after a failure', async () => {
    await expect(
      pool.withClient(async (client) => {
        await client.query('BEGIN');
        await client.query(`INSERT INTO test_notes (body) VALUES ('with-client')`);
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    expect(await notes()).toEqual([]);
  });
});

describe('PGlitePool acquire timeout', () => {
  let pool: PGlitePool;

  beforeAll(() => {
    pool = new PGlitePool({ acquireTimeoutMs: 150 });
  });
  afterAll(async () => {
    await pool?.end();
  });

  it('fails a caller that waits too long, and the pool keeps working afterwards', async () => {
    const held = await lease(pool);
    const started = Date.now();
    await expect(lease(pool)).rejects.toThrow(/busy/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    held.release();
    // The timed-out caller is gone from the queue: the next one gets the connection at once.
    const next = lease(pool);
    expect(await settledWithin(next, 1000)).toBe('settled');
    const { client, release } = await next;
    expect(await client.query('SELECT 1 AS one')).toMatchObject({ rows: [{ one: 1 }] });
    release();
  });
});
