/**
 * `npm run statistics:rebuild`: recomputes every case's statistics row from its sources, on the
 * database the service is configured for (SQLITE_PATH or DATABASE_URL). The service keeps the rows
 * itself; this is for data changed behind its back (a repair by hand in SQL, rows restored table
 * by table). Safe while the service runs: one statement in one transaction.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadEnvironment } from '../config/environment';
import { buildDataSourceOptions } from '../database/database-options';
import { dialectOf, rebuildCaseStatistics } from './case-statistics-row';

async function main(): Promise<void> {
  const dataSource = new DataSource(buildDataSourceOptions(loadEnvironment()));
  await dataSource.initialize();
  try {
    // As the service does at start: the table comes with its migration.
    await dataSource.runMigrations({ transaction: 'each' });
    const started = Date.now();
    await dataSource.transaction((manager) =>
      rebuildCaseStatistics(
        (sql, parameters) => manager.query(sql, parameters),
        dialectOf(dataSource),
      ),
    );
    const [{ n }] = await dataSource.query('SELECT COUNT(*) AS n FROM case_statistics');
    console.log(
      `${n} statistics rows recomputed in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
