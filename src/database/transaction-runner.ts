import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

const RETRYABLE_POSTGRES_CODES = new Set(['40001', '40P01']); // serialization failure, deadlock

/**
 * Runs a unit of work in one database transaction.
 *
 * TypeORM's SQLite driver shares a single connection, so two overlapping transactions would
 * collide ("cannot start a transaction within a transaction"). SQLite serialises writers anyway,
 * so in-process we queue SQLite transactions one after another. PostgreSQL transactions run
 * concurrently and are retried on serialization failures and deadlocks.
 */
@Injectable()
export class TransactionRunner {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get isPostgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.isPostgres) return this.runWithRetry(work);
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    try {
      await previous;
      return await this.dataSource.transaction(work);
    } finally {
      release();
    }
  }

  private async runWithRetry<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(work);
      } catch (error) {
        const code =
          (error as { code?: string; driverError?: { code?: string } }).driverError?.code ??
          (error as { code?: string }).code;
        if (attempt >= 5 || !code || !RETRYABLE_POSTGRES_CODES.has(code)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
      }
    }
  }
}
