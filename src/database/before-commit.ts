import { EntityManager } from 'typeorm';

interface Owed {
  items: Set<unknown>;
  run: (manager: EntityManager, items: unknown[]) => Promise<void>;
}

/** What each open TransactionRunner unit owes before it commits, by key. */
const owedByUnit = new WeakMap<EntityManager, Map<string, Owed>>();

/**
 * Work a unit of work owes before it commits, run by TransactionRunner after the unit's own code
 * and inside the same transaction: derived rows (a case's statistics row) are written once per
 * unit, from the state the unit leaves behind, however many writes it made. Items added under one
 * key are collected and handed to `run` together.
 */
export function beforeCommit<T>(
  manager: EntityManager,
  key: string,
  item: T,
  run: (manager: EntityManager, items: T[]) => Promise<void>,
): void {
  const owed = owedByUnit.get(manager);
  // Outside a TransactionRunner unit nobody would run the work: fail loudly rather than go stale.
  if (!owed) throw new Error(`"${key}" must be written inside TransactionRunner.run`);
  let entry = owed.get(key);
  if (!entry) {
    entry = { items: new Set(), run: run as Owed['run'] };
    owed.set(key, entry);
  }
  entry.items.add(item);
}

/** Opens the list of what a unit owes (TransactionRunner only). */
export function openUnit(manager: EntityManager): void {
  owedByUnit.set(manager, new Map());
}

/** Runs what the unit owes, including work that work itself adds, then closes the list. */
export async function settleUnit(manager: EntityManager): Promise<void> {
  const owed = owedByUnit.get(manager);
  if (!owed) return;
  for (let next = owed.entries().next(); !next.done; next = owed.entries().next()) {
    const [key, entry] = next.value;
    owed.delete(key);
    await entry.run(manager, [...entry.items]);
  }
  owedByUnit.delete(manager);
}

/** Drops what a unit owed (after it settled, or when it failed and its writes were rolled back). */
export function abandonUnit(manager: EntityManager): void {
  owedByUnit.delete(manager);
}
