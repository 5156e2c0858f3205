import { mkdirSync } from 'fs';
import { dirname, join } from 'path';
import * as sqlite3 from 'sqlite3';
import { DataSourceOptions } from 'typeorm';

export interface DatabaseSettings {
  DATABASE_URL?: string;
  SQLITE_PATH: string;
}

const entities = [join(__dirname, '..', '**', '*.entity.{ts,js}')];
const migrations = [join(__dirname, 'migrations', '*.{ts,js}')];

/**
 * The sqlite3 module as TypeORM should see it. TypeORM calls `verbose()` on the driver, which
 * wraps every Database and Statement method to capture a second stack trace per call: at intake
 * load that was a tenth of the CPU. This view hands TypeORM the module itself instead.
 */
const quietSqlite3: typeof sqlite3 = Object.create(sqlite3, {
  verbose: { value: () => quietSqlite3 },
});

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
    driver: quietSqlite3,
    database: settings.SQLITE_PATH,
    entities,
    migrations,
    migrationsRun: false,
    synchronize: false,
    enableWAL: true,
    busyTimeout: 10000,
  };
}
