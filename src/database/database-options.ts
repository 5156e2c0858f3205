import { mkdirSync } from 'fs';
import { dirname, join } from 'path';
import { DataSourceOptions } from 'typeorm';

export interface DatabaseSettings {
  DATABASE_URL?: string;
  SQLITE_PATH: string;
}

const entities = [join(__dirname, '..', '**', '*.entity.{ts,js}')];
const migrations = [join(__dirname, 'migrations', '*.{ts,js}')];

/** SQLite (WAL, foreign keys, busy timeout) unless DATABASE_URL points at PostgreSQL. */
export function buildDataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  if (settings.DATABASE_URL && /^postgres(ql)?:\/\//.test(settings.DATABASE_URL)) {
    return {
      type: 'postgres',
      url: settings.DATABASE_URL,
      entities,
      migrations,
      migrationsRun: false,
      synchronize: false,
      installExtensions: false,
      uuidExtension: 'pgcrypto',
      extra: { max: 20 },
    };
  }
  if (settings.SQLITE_PATH !== ':memory:')
    mkdirSync(dirname(settings.SQLITE_PATH), { recursive: true });
  return {
    type: 'sqlite',
    database: settings.SQLITE_PATH,
    entities,
    migrations,
    migrationsRun: false,
    synchronize: false,
    enableWAL: true,
    busyTimeout: 10000,
  };
}
