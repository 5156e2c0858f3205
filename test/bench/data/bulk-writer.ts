import { Database, Statement } from 'sqlite3';

/**
 * Multi-row INSERTs through one prepared statement per table and batch size, queued on the
 * serialised sqlite3 connection without waiting for each one, so that generating the next rows in
 * JavaScript overlaps with SQLite writing the previous ones. At most `maxPending` batches wait.
 */
export class BulkWriter {
  private buffer: unknown[] = [];
  private rows = 0;
  private statement?: Statement;
  private static pending: Promise<void>[] = [];
  total = 0;

  constructor(
    private readonly db: Database,
    readonly table: string,
    private readonly columns: string[],
    private readonly rowsPerStatement = Math.max(1, Math.floor(30000 / columns.length)),
  ) {}

  async add(values: unknown[]): Promise<void> {
    for (const v of values) this.buffer.push(v);
    this.rows++;
    if (this.rows >= this.rowsPerStatement) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.rows) return;
    let statement: Statement;
    if (this.rows === this.rowsPerStatement) {
      this.statement ??= this.db.prepare(this.sql(this.rowsPerStatement));
      statement = this.statement;
    } else {
      statement = this.db.prepare(this.sql(this.rows));
    }
    const values = this.buffer;
    const oneOff = statement !== this.statement;
    this.total += this.rows;
    this.buffer = [];
    this.rows = 0;
    BulkWriter.pending.push(
      new Promise<void>((resolve, reject) =>
        statement.run(values, (error: Error | null) => {
          if (oneOff) statement.finalize();
          if (error) reject(new Error(`${this.table}: ${error.message}`));
          else resolve();
        }),
      ),
    );
    if (BulkWriter.pending.length > 16) await BulkWriter.pending.shift();
  }

  /** Waits for every queued batch of every writer. */
  static async drain(): Promise<void> {
    const waiting = BulkWriter.pending;
    BulkWriter.pending = [];
    await Promise.all(waiting);
  }

  async close(): Promise<void> {
    await this.flush();
    await BulkWriter.drain();
    await new Promise<void>((resolve) =>
      this.statement ? this.statement.finalize(() => resolve()) : resolve(),
    );
  }

  private sql(rows: number): string {
    const tuple = `(${this.columns.map(() => '?').join(',')})`;
    return `INSERT INTO "${this.table}" (${this.columns.map((c) => `"${c}"`).join(',')}) VALUES ${new Array(rows).fill(tuple).join(',')}`;
  }
}

export function exec(db: Database, sql: string): Promise<void> {
  return new Promise((resolve, reject) =>
    db.exec(sql, (error) => (error ? reject(error) : resolve())),
  );
}

export function all<T>(db: Database, sql: string, params: unknown[] = []): Promise<T[]> {
  return new Promise((resolve, reject) =>
    db.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows as T[]))),
  );
}
