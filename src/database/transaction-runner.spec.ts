import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Database } from 'sqlite3';
import { DataSource } from 'typeorm';
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
      busyTimeout: 5000,
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
});
