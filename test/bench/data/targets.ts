import { Client, types } from 'pg';
import { Database } from 'sqlite3';
import { all, BulkWriter, exec } from './bulk-writer';

/** A table's bulk writer: rows are added as arrays in the order of the columns given. */
export interface RowSink {
  readonly table: string;
  total: number;
  add(values: unknown[]): Promise<void>;
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** The database the bulk data goes to: SQLite through sqlite3, or PostgreSQL through pg. */
export interface BulkTarget {
  readonly kind: 'sqlite' | 'postgres';
  writer(table: string, columns: string[]): RowSink;
  exec(sql: string): Promise<void>;
  all<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Waits for every queued batch of every writer. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

export class SqliteTarget implements BulkTarget {
  readonly kind = 'sqlite';
  constructor(readonly db: Database) {}
  writer(table: string, columns: string[]): RowSink {
    return new BulkWriter(this.db, table, columns);
  }
  exec(sql: string): Promise<void> {
    return exec(this.db, sql);
  }
  all<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return all<T>(this.db, sql, params);
  }
  drain(): Promise<void> {
    return BulkWriter.drain();
  }
  close(): Promise<void> {
    return new Promise<void>((done) => this.db.close(() => done()));
  }
}

const NAIVE_TIMESTAMP = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/;

/**
 * The values generated in SQLite's forms, converted for the column's PostgreSQL type: booleans
 * stored as 0/1, timestamps written without a zone (they are UTC), text for bytea. JSON stays text
 * (json/jsonb and text columns read it as it is), numbers and strings go through as they are.
 */
function converterFor(dataType: string): (value: unknown) => unknown {
  switch (dataType) {
    case 'boolean':
      return (v) => (v === null || v === undefined ? null : Boolean(v));
    case 'timestamp with time zone':
      return (v) => (typeof v === 'string' && NAIVE_TIMESTAMP.test(v) ? `${v}+00` : v);
    case 'bytea':
      return (v) => (typeof v === 'string' ? Buffer.from(v, 'utf8') : v);
    default:
      return (v) => v;
  }
}

export class PostgresTarget implements BulkTarget {
  readonly kind = 'postgres';
  private pending: Promise<void>[] = [];

  private constructor(
    readonly client: Client,
    private readonly columnTypes: Map<string, Map<string, string>>,
  ) {}

  /** Opens one connection (every batch of a transaction goes through it) and reads the column types. */
  static async open(url: string): Promise<PostgresTarget> {
    const client = new Client({
      connectionString: url,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === types.builtins.INT8
            ? (value: string) => Number(value)
            : types.getTypeParser(oid, format as 'text')) as typeof types.getTypeParser,
      },
    });
    await client.connect();
    await client.query(
      "SET TimeZone TO 'UTC'; SET synchronous_commit TO off; SET maintenance_work_mem TO '512MB'",
    );
    const { rows } = await client.query<{
      table_name: string;
      column_name: string;
      data_type: string;
    }>(
      `SELECT table_name, column_name, data_type FROM information_schema.columns
       WHERE table_schema = current_schema()`,
    );
    const columnTypes = new Map<string, Map<string, string>>();
    for (const row of rows) {
      if (!columnTypes.has(row.table_name)) columnTypes.set(row.table_name, new Map());
      columnTypes.get(row.table_name)!.set(row.column_name, row.data_type);
    }
    return new PostgresTarget(client, columnTypes);
  }

  writer(table: string, columns: string[]): RowSink {
    const types = this.columnTypes.get(table);
    if (!types) throw new Error(`${table}: no such table`);
    return new PgCopyWriter(
      this,
      table,
      columns,
      columns.map((column) => {
        const type = types.get(column);
        if (!type) throw new Error(`${table}.${column}: no such column`);
        return converterFor(type);
      }),
    );
  }

  async exec(sql: string): Promise<void> {
    await this.client.query(sql);
  }

  async all<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.client.query(sql, params)).rows as T[];
  }

  /**
   * Queues a statement on the connection without waiting for it, so that generating the next rows
   * overlaps with PostgreSQL writing the previous ones; at most 16 batches wait.
   */
  async enqueue(
    copy: (done: (error: Error | null) => void) => CopyIn,
    table: string,
  ): Promise<void> {
    const done = new Promise<void>((resolve, reject) =>
      this.client.query(copy((error) => (error ? reject(error) : resolve())) as never),
    ).then(
      () => undefined,
      (error: Error) => {
        throw new Error(`${table}: ${error.message}`);
      },
    );
    done.catch(() => undefined); // reported when awaited below or in drain()
    this.pending.push(done);
    if (this.pending.length > 16) await this.pending.shift();
  }

  async drain(): Promise<void> {
    const waiting = this.pending;
    this.pending = [];
    await Promise.all(waiting);
  }

  async close(): Promise<void> {
    await this.drain();
    await this.client.end();
  }
}

/** COPY's text form of one value: \N for NULL, backslash escapes, bytea in hex. */
function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string')
    return /[\\\n\r\t]/.test(value)
      ? value.replace(/[\\\n\r\t]/g, (c) =>
          c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t',
        )
      : value;
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (Buffer.isBuffer(value)) return `\\\\x${value.toString('hex')}`;
  return String(value);
}

/**
 * One COPY ... FROM STDIN with its rows in hand, in pg's submittable form (what pg-copy-streams
 * does with a stream): the rows go as one CopyData message when the server asks for them.
 */
class CopyIn {
  private settled = false;
  constructor(
    readonly text: string,
    private readonly data: Buffer,
    private readonly done: (error: Error | null) => void,
  ) {}
  submit(connection: PgConnection): void {
    connection.query(this.text);
  }
  handleCopyInResponse(connection: PgConnection): void {
    connection.sendCopyFromChunk(this.data);
    connection.endCopyFrom();
  }
  handleError(error: Error): void {
    this.settle(error);
  }
  handleReadyForQuery(): void {
    this.settle(null);
  }
  handleCommandComplete(): void {}
  handleEmptyQuery(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleCopyData(): void {}
  private settle(error: Error | null): void {
    if (this.settled) return;
    this.settled = true;
    this.done(error);
  }
}

interface PgConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/** COPY FROM STDIN in text form, a batch of rows (about 4 MB) per COPY. */
class PgCopyWriter implements RowSink {
  private lines: string[] = [];
  private bytes = 0;
  private readonly sql: string;
  total = 0;

  constructor(
    private readonly target: PostgresTarget,
    readonly table: string,
    private readonly columns: string[],
    private readonly convert: ((value: unknown) => unknown)[],
  ) {
    this.sql = `COPY "${table}" (${columns.map((c) => `"${c}"`).join(',')}) FROM STDIN`;
  }

  async add(values: unknown[]): Promise<void> {
    if (values.length !== this.columns.length)
      throw new Error(`${this.table}: ${values.length} values for ${this.columns.length} columns`);
    let line = copyText(this.convert[0](values[0]));
    for (let k = 1; k < values.length; k++) line += '\t' + copyText(this.convert[k](values[k]));
    this.lines.push(line);
    this.bytes += line.length;
    if (this.bytes >= 4_000_000) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.lines.length) return;
    const data = Buffer.from(this.lines.join('\n') + '\n', 'utf8');
    this.total += this.lines.length;
    this.lines = [];
    this.bytes = 0;
    await this.target.enqueue((done) => new CopyIn(this.sql, data, done), this.table);
  }

  async close(): Promise<void> {
    await this.flush();
    await this.target.drain();
  }
}
