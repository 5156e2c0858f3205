import { ColumnType } from 'typeorm';

/**
 * Column types that differ between the embedded SQLite default and PostgreSQL. Decided once at
 * import time from DATABASE_URL, like the rest of the data-source choice.
 */
export const usesPostgres = (): boolean =>
  /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');

export const TIMESTAMP: ColumnType = usesPostgres() ? 'timestamptz' : 'datetime';
export const BINARY: ColumnType = usesPostgres() ? 'bytea' : 'blob';
