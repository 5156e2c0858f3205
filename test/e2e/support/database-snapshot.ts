import { createHash } from 'crypto';
import { DataSource } from 'typeorm';

/** Row count and content hash of one table. */
export interface TableSnapshot {
  rows: number;
  sha256: string;
}

/**
 * Row counts and a content checksum of every table the entities map (plus the migrations table):
 * a refused request must leave both unchanged, so an update that keeps the row count is seen too.
 */
export async function databaseSnapshot(
  dataSource: DataSource,
): Promise<Record<string, TableSnapshot>> {
  const tables = [...new Set(dataSource.entityMetadatas.map((m) => m.tableName))].sort();
  const snapshot: Record<string, TableSnapshot> = {};
  for (const table of tables) {
    const rows: Record<string, unknown>[] = await dataSource.query(
      `SELECT * FROM "${table}" ORDER BY 1`,
    );
    const hash = createHash('sha256');
    for (const row of rows) hash.update(JSON.stringify(row, stableReplacer)).update('\n');
    snapshot[table] = { rows: rows.length, sha256: hash.digest('hex') };
  }
  return snapshot;
}

// Buffers and dates hash by value; object keys in a fixed order.
function stableReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    if (record.type === 'Buffer' && Array.isArray(record.data)) return record;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((k) => [k, record[k]]),
    );
  }
  return value;
}

/** The tables whose count or content differ between two snapshots. */
export function changedTables(
  before: Record<string, TableSnapshot>,
  after: Record<string, TableSnapshot>,
): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter(
    (n) => before[n]?.rows !== after[n]?.rows || before[n]?.sha256 !== after[n]?.sha256,
  );
}
