import { EntityManager } from 'typeorm';

/**
 * Locks the case row until the caller's transaction ends, on PostgreSQL, where app instances run
 * transactions side by side: per-case read-then-write steps (the next session number, "this case
 * has no agreement yet", an agreement's current version) then queue behind each other. Take it
 * before reading what the write depends on. On SQLite every write transaction already holds the
 * database's write lock from its start (TransactionRunner begins them IMMEDIATE).
 */
export async function lockCase(manager: EntityManager, caseId: string): Promise<void> {
  if (manager.connection.options.type !== 'postgres') return;
  await manager.query('SELECT id FROM mediation_case WHERE id = $1 FOR UPDATE', [caseId]);
}
