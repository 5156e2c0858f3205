import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';

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

/**
 * Runs a unit of work in one database transaction.
 *
 * TypeORM's SQLite driver shares a single connection, so two overlapping transactions would
 * collide ("cannot start a transaction within a transaction"): in-process, SQLite transactions
 * queue one after another. Across processes on the same file SQLite's own lock serialises them:
 * each begins IMMEDIATE (see beginImmediately); one that still found the file locked after the
 * busy timeout has rolled back and is tried again. PostgreSQL transactions run concurrently and
 * are retried on serialization failures and deadlocks.
 */
@Injectable()
export class TransactionRunner {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get isPostgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.isPostgres)
      return this.withRetry(
        () => this.dataSource.transaction(work),
        isPostgresRetryable,
        POSTGRES_ATTEMPTS,
      );
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    try {
      await previous;
      const runner = beginImmediately(this.dataSource.createQueryRunner());
      return await this.withRetry(
        () => runner.manager.transaction(work),
        isSqliteBusy,
        SQLITE_ATTEMPTS,
      );
    } finally {
      release();
    }
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
