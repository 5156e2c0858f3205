import { EntityManager } from 'typeorm';
import { CASE_STATES, CONCLUDED_STATES, CaseState } from '../cases/case-lifecycle';

/** States in which a case still takes a mediator's time. */
export const OPEN_CASE_STATES = CASE_STATES.filter((s) => !CONCLUDED_STATES.has(s));

export const isOpenCaseState = (state: CaseState): boolean => !CONCLUDED_STATES.has(state);

/**
 * Moves the stored active-case count (mediator.active_case_count) of each mediator by `delta` per
 * seat, inside the caller's transaction. Called wherever a seat on an open case is taken or left,
 * and when a case concludes. A mediator named twice moves twice (one count per seat, as
 * countActiveCases counts). Plain SQL rather than the entity's query builder, which would
 * also stamp updated_at: that column means "the registry entry was edited".
 */
export async function adjustActiveCaseCounts(
  manager: EntityManager,
  mediatorIds: readonly string[],
  delta: 1 | -1,
): Promise<void> {
  const seats = new Map<string, number>();
  for (const id of mediatorIds) seats.set(id, (seats.get(id) ?? 0) + 1);
  for (const [id, n] of seats) {
    const [sql, parameters] = manager.connection.driver.escapeQueryWithParameters(
      'UPDATE mediator SET active_case_count = active_case_count + :change WHERE id = :id',
      { change: delta * n, id },
      {},
    );
    await manager.query(sql, parameters);
  }
}

/** On a case leaving the open states: every current seat stops counting. */
export async function releaseSeatsOfConcludedCase(
  manager: EntityManager,
  caseId: string,
): Promise<void> {
  const seats = await manager
    .createQueryBuilder()
    .select('pm.mediator_id', 'mediatorId')
    .from('panel_member', 'pm')
    .where('pm.case_id = :caseId AND pm.removed_at IS NULL', { caseId })
    .getRawMany<{ mediatorId: string }>();
  await adjustActiveCaseCounts(
    manager,
    seats.map((s) => s.mediatorId),
    -1,
  );
}

/**
 * Counts from the panel seats themselves: what the stored counts must equal (the e2e tests
 * compare them). Not for a hot path: it joins every open case to its seats.
 */
export async function countActiveCases(
  manager: EntityManager,
  mediatorIds: string[],
): Promise<Map<string, number>> {
  if (mediatorIds.length === 0) return new Map();
  const rows = await manager
    .createQueryBuilder()
    .select('pm.mediator_id', 'mediatorId')
    .addSelect('COUNT(*)', 'n')
    .from('mediation_case', 'c')
    .innerJoin('panel_member', 'pm', 'pm.case_id = c.id AND pm.removed_at IS NULL')
    .where('c.state IN (:...openStates)', { openStates: OPEN_CASE_STATES })
    .andWhere('pm.mediator_id IN (:...ids)', { ids: mediatorIds })
    .groupBy('pm.mediator_id')
    .getRawMany<{ mediatorId: string; n: string | number }>();
  return new Map(rows.map((r) => [r.mediatorId, Number(r.n)]));
}
