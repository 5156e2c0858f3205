import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Database } from 'sqlite3';
import { DataSource, EntityManager } from 'typeorm';
import { beforeCommit } from './before-commit';
import { TransactionRunner } from './transaction-runner';

/**
 * SQLite transactions begin IMMEDIATE: they hold the write lock from before their first read,
 * so another process (here: a second connection to the same file) can neither write between a
 * transaction's read and its write nor make the transaction fail when it upgrades.
 */
describe('TransactionRunner on SQLite', () => {
  let dir: string;
  let dataSource: DataSource;
  let other: Database;
  const exec = (sql: string) =>
    new Promise<void>((resolve, reject) => other.exec(sql, (e) => (e ? reject(e) : resolve())));

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'transaction-runner-'));
    const file = join(dir, 'db.sqlite');
    dataSource = new DataSource({
      type: 'sqlite',
      database: file,
      enableWAL: true,
      busyTimeout: 250,
    });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE counter (n INTEGER NOT NULL)');
    await dataSource.query('INSERT INTO counter (n) VALUES (0)');
    other = await new Promise<Database>((resolve, reject) => {
      const db = new Database(file, (e) => (e ? reject(e) : resolve(db)));
    });
  });

  afterEach(async () => {
    await new Promise<void>((resolve) => other.close(() => resolve()));
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds the write lock from before its first read', async () => {
    await exec('PRAGMA busy_timeout = 0');
    const runner = new TransactionRunner(dataSource);
    const attempt = await runner.run(async (manager) => {
      await manager.query('SELECT n FROM counter');
      return exec('BEGIN IMMEDIATE').then(
        () => exec('ROLLBACK').then(() => 'got the lock'),
        (error: Error) => error.message,
      );
    });
    expect(attempt).toMatch(/SQLITE_BUSY/);
  });

  it('tries again when another writer held the lock past the busy timeout', async () => {
    await exec('BEGIN IMMEDIATE; UPDATE counter SET n = n + 1');
    const committed = new Promise<void>((resolve) =>
      setTimeout(() => void exec('COMMIT').then(resolve), 400),
    );
    const runner = new TransactionRunner(dataSource);
    let attempts = 0;
    const seen = await runner.run(async (manager) => {
      attempts++;
      const [{ n }] = await manager.query('SELECT n FROM counter');
      await manager.query('UPDATE counter SET n = ?', [n + 1]);
      return n;
    });
    await committed;
    // The first attempt gave up at BEGIN, before the work ran; the next one found the lock free.
    expect([attempts, seen]).toEqual([1, 1]);
    expect(await runner.run((manager) => manager.query('SELECT n FROM counter'))).toEqual([
      { n: 2 },
    ]);
  });

  it('waits for another writer and reads its commit, instead of failing on the upgrade', async () => {
    await exec('BEGIN IMMEDIATE; UPDATE counter SET n = n + 1');
    const committed = new Promise<void>((resolve) =>
      setTimeout(() => void exec('COMMIT').then(resolve), 300),
    );
    const runner = new TransactionRunner(dataSource);
    const seen = await runner.run(async (manager) => {
      const [{ n }] = await manager.query('SELECT n FROM counter');
      await manager.query('UPDATE counter SET n = ?', [n + 1]);
      return n;
    });
    await committed;
    expect(seen).toBe(1);
    expect(await dataSource.query('SELECT n FROM counter')).toEqual([{ n: 2 }]);
  });
  describe('group commit', () => {
    const commitsDuring = async (action: () => Promise<unknown>) => {
      let commits = 0;
      const original = dataSource.createQueryRunner.bind(dataSource);
      jest.spyOn(dataSource, 'createQueryRunner').mockImplementation((...args) => {
        const runner = original(...args);
        const send = runner.query.bind(runner);
        runner.query = ((sql: string, ...rest: unknown[]) => {
          if (sql === 'COMMIT') commits++;
          return (send as (...a: unknown[]) => Promise<unknown>)(sql, ...rest);
        }) as typeof runner.query;
        return runner;
      });
      await action();
      jest.restoreAllMocks();
      return commits;
    };

    it('commits units that queued together with one COMMIT, and a failing unit leaves no trace', async () => {
      await dataSource.query('CREATE TABLE entry (n INTEGER NOT NULL UNIQUE)');
      const runner = new TransactionRunner(dataSource);
      let outcomes: PromiseSettledResult<number>[] = [];
      const commits = await commitsDuring(async () => {
        outcomes = await Promise.allSettled(
          Array.from({ length: 40 }, (_, i) =>
            runner.run(async (manager) => {
              await manager.query('INSERT INTO entry (n) VALUES (?)', [i]);
              // Unit 7 writes a row and then breaks a constraint: all of it must roll back.
              if (i === 7) await manager.query('INSERT INTO entry (n) VALUES (?)', [0]);
              await manager.query('UPDATE counter SET n = n + 1');
              return i;
            }),
          ),
        );
      });
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(39);
      expect(outcomes[7]).toMatchObject({ status: 'rejected' });
      const rows: { n: number }[] = await dataSource.query('SELECT n FROM entry ORDER BY n');
      expect(rows.map((r) => r.n)).toEqual(
        Array.from({ length: 40 }, (_, i) => i).filter((i) => i !== 7),
      );
      expect(await dataSource.query('SELECT n FROM counter')).toEqual([{ n: 39 }]);
      // The first unit commits alone; the 39 that queued behind it share far fewer commits.
      expect(commits).toBeGreaterThanOrEqual(2);
      expect(commits).toBeLessThanOrEqual(4);
    });

    it('answers no unit of a group whose COMMIT fails, and keeps none of them', async () => {
      await dataSource.query('CREATE TABLE parent (id INTEGER PRIMARY KEY)');
      await dataSource.query(
        'CREATE TABLE child (parent_id INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)',
      );
      const runner = new TransactionRunner(dataSource);
      const first = runner.run((manager) => manager.query('UPDATE counter SET n = n + 1'));
      // Queued behind the first: one group. The orphan child fails only at COMMIT.
      const group = [
        runner.run((manager) => manager.query('UPDATE counter SET n = n + 10')),
        runner.run((manager) => manager.query('INSERT INTO child (parent_id) VALUES (42)')),
        runner.run((manager) => manager.query('UPDATE counter SET n = n + 100')),
      ];
      await first;
      const settled = await Promise.allSettled(group);
      expect(settled.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
      expect(await dataSource.query('SELECT n FROM counter')).toEqual([{ n: 1 }]);
      expect(await dataSource.query('SELECT COUNT(*) AS n FROM child')).toEqual([{ n: 0 }]);
      // The runner goes on working after a failed group.
      await runner.run((manager) => manager.query('UPDATE counter SET n = n + 1000'));
      expect(await dataSource.query('SELECT n FROM counter')).toEqual([{ n: 1001 }]);
    });
  });

  describe('work owed before commit', () => {
    const derive = (manager: EntityManager, ids: number[]) =>
      manager.query(`UPDATE counter SET n = n + ${ids.length * 1000}`).then(() => undefined);

    it('runs once per unit with everything the unit marked, inside its transaction', async () => {
      const runner = new TransactionRunner(dataSource);
      const units = Array.from({ length: 5 }, (_, i) =>
        runner.run(async (manager) => {
          // Marked twice and once more: the owed work sees each item once.
          for (const id of [i, i, 100 + i]) beforeCommit(manager, 'derived', id, derive);
          await manager.query('UPDATE counter SET n = n + 1');
        }),
      );
      await Promise.all(units);
      expect(await dataSource.query('SELECT n FROM counter')).toEqual([{ n: 5 * 2001 }]);
    });

    it('drops what a failed unit owed, so the next unit in its group does not inherit it', async () => {
      const runner = new TransactionRunner(dataSource);
      const failed = runner.run(async (manager) => {
        beforeCommit(manager, 'derived', 1, derive);
        throw new Error('refused');
      });
      const next = runner.run(async (manager) => {
        await manager.query('UPDATE counter SET n = n + 1');
      });
      await expect(failed).rejects.toThrow('refused');
      await next;
      expect(await dataSource.query('SELECT n FROM counter')).toEqual([{ n: 1 }]);
    });

    it('refuses owed work outside a unit instead of losing it', () => {
      expect(() => beforeCommit(dataSource.manager, 'derived', 1, derive)).toThrow(
        /inside TransactionRunner.run/,
      );
    });
  });
});
