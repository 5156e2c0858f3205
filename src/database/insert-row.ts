import { randomUUID } from 'crypto';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * Inserts an entity built with repository.create() without reading it back, and returns it with
 * its id. TypeORM's insert() re-selects each SQLite row to fill in database defaults (created_at
 * and the like): one more statement per row, and on SQLite's single connection every statement
 * is a round trip that all writers queue for. The id is made here, as TypeORM would on SQLite.
 */
export async function insertRow<T extends ObjectLiteral & { id: string }>(
  manager: EntityManager,
  target: EntityTarget<T>,
  row: T,
): Promise<T> {
  row.id ??= randomUUID();
  await manager
    .createQueryBuilder()
    .insert()
    .into(target)
    .values(row as QueryDeepPartialEntity<T>)
    .updateEntity(false)
    .execute();
  return row;
}
