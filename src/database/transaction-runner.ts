import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { abandonUnit, openUnit, settleUnit } from './before-commit';

const RETRYABLE_POSTGRES_CODES = new Set(['40001', '40P01']); // serialization failure, deadlock
const POSTGRES_ATTEMPTS = 5;
/** Each SQLite attempt already waited busy_timeout (10 s) for the lock. */
const SQLITE_ATTEMPTS = 3;

/** What TypeORM's SQLite query runner sends to open a transaction (a deferred BEGIN). */
export const TYPEORM_SQLITE_BEGIN = 'BEGIN TRANSACTION';
const IMMEDIATE_BEGIN = 'BEGIN IMMEDIATE TRANSACTION';
const immediateRunners = new WeakSet<QueryRunner>();

/**
 * Makes every transaction TypeORM opens on this SQLite query runner begin IMMEDIATE.
 *
 * A deferred BEGIN takes SQLite's write lock only at the first write. When another process (a
 * second app server on the same file) committed after this transaction's first read, the upgrade
 * fails at once with SQLITE_BUSY: busy_timeout does not wait for it, since waiting could not make
 * the stale read current. BEGIN IMMEDIATE takes the write lock before the first read, waiting up
 * to busy_timeout for the other writer, so every read-then-write (the case number counter, the
 * booking overlap check, the agreement's version checks, the audit chain head) sees the latest
 * commit and nobody writes between its read and its write. TypeORM has no option for this.
 */
export function beginImmediately(runner: QueryRunner): QueryRunner {
  if (immediateRunners.has(runner)) return runner;
  const query = runner.query.bind(runner);
  runner.query = ((sql: string, ...rest: unknown[]) =>
    (query as (...args: unknown[]) => Promise<unknown>)(
      sql === TYPEORM_SQLITE_BEGIN ? IMMEDIATE_BEGIN : sql,
      ...rest,
    )) as QueryRunner['query'];
  immediateRunners.add(runner);
  return runner;
}

function isSqliteBusy(error: unknown): boolean {
  const code = (error as { driverError?: { code?: string }; code?: string }).driverError?.code;
  return code === 'SQLITE_BUSY' || /SQLITE_BUSY/.test((error as Error)?.message ?? '');
}

function isPostgresRetryable(error: unknown): boolean {
  const code =
    (error as { code?: string; driverError?: { code?: string } }).driverError?.code ??
    (error as { code?: string }).code;
  return !!code && RETRYABLE_POSTGRES_CODES.has(code);
}

/** A unit's own work, then what it owes before commit (before-commit.ts). */
async function runUnit<T>(manager: EntityManager, work: (manager: EntityManager) => Promise<T>) {
  openUnit(manager);
  try {
    const value = await work(manager);
    await settleUnit(manager);
    return value;
  } finally {
    abandonUnit(manager);
  }
}

/** Most units of work committed together on SQLite (see TransactionRunner). */
export const SQLITE_MAX_GROUP = 64;

interface QueuedWork {
  work: (manager: EntityManager) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Runs a unit of work in one database transaction.
 *
 * PostgreSQL transactions run concurrently and are retried on serialization failures and
 * deadlocks.
 *
 * TypeORM's SQLite driver shares a single connection, so in-process SQLite transactions queue one
 * after another. The queue is committed in groups: the units waiting when the connection frees
 * up run one after another inside one IMMEDIATE transaction, each in a savepoint of its own, and
 * one COMMIT makes them all durable. A unit that fails is rolled back to its savepoint (its
 * caller gets its error at once, nothing of it remains); the others' callers are answered only
 * after the COMMIT, so nothing is acknowledged before it is on disk. Each COMMIT costs a disk
 * sync (milliseconds); one sync for a group instead of one per unit is what lets intake keep up
 * with many clerks at once. Alone, a unit is a group of one.
 *
 * Across processes on the same file SQLite's own lock serialises the groups: each begins
 * IMMEDIATE (see beginImmediately); a BEGIN that still found the file locked after the busy
 * timeout is tried again.
 */
@Injectable()
export class TransactionRunner {
  private readonly queue: QueuedWork[] = [];
  private draining = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get isPostgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.isPostgres)
      return this.withRetry(
        () => this.dataSource.transaction((manager) => runUnit(manager, work)),
        isPostgresRetryable,
        POSTGRES_ATTEMPTS,
      );
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queue.length) await this.commitGroup(this.queue.splice(0, SQLITE_MAX_GROUP));
    } finally {
      this.draining = false;
    }
  }

  private async commitGroup(group: QueuedWork[]): Promise<void> {
    const runner = beginImmediately(this.dataSource.createQueryRunner());
    try {
      await this.withRetry(() => runner.startTransaction(), isSqliteBusy, SQLITE_ATTEMPTS);
    } catch (error) {
      for (const unit of group) unit.reject(error);
      return;
    }
    const done: { unit: QueuedWork; value: unknown }[] = [];
    try {
      for (const unit of group) {
        await runner.startTransaction(); // a savepoint inside the group's transaction
        try {
          const value = await runUnit(runner.manager, unit.work);
          await runner.commitTransaction(); // releases the savepoint
          done.push({ unit, value });
        } catch (error) {
          await runner.rollbackTransaction(); // back to the savepoint: the others stay
          unit.reject(error);
        }
      }
      await runner.commitTransaction();
    } catch (error) {
      // The connection failed under the group (disk full, I/O error): nothing was committed.
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      for (const { unit } of done) unit.reject(error);
      return;
    }
    for (const { unit, value } of done) unit.resolve(value);
  }

  private async withRetry<T>(
    attempt: () => Promise<T>,
    retryable: (error: unknown) => boolean,
    attempts: number,
  ): Promise<T> {
    for (let n = 1; ; n++) {
      try {
        return await attempt();
      } catch (error) {
        if (n >= attempts || !retryable(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 5 * n + Math.random() * 20));
      }
    }
  }
}
