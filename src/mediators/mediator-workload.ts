import { EntityManager } from 'typeorm';
import { CASE_STATES, CONCLUDED_STATES } from '../cases/case-lifecycle';

/** States in which a case still takes a mediator's time. */
export const OPEN_CASE_STATES = CASE_STATES.filter((s) => !CONCLUDED_STATES.has(s));

/**
 * Active cases per mediator, in one grouped query. It starts from the open cases (a small share
 * of all cases, found by the state index) and joins current panel seats by case, so its cost does
 * not grow with the archive of concluded cases. Pass a station to count only its mediators.
 */
export async function activeCaseCounts(
  manager: EntityManager,
  filter: { stationId: string } | { mediatorIds: string[] },
): Promise<Map<string, number>> {
  const query = manager
    .createQueryBuilder()
    .select('pm.mediator_id', 'mediatorId')
    .addSelect('COUNT(*)', 'n')
    .from('mediation_case', 'c')
    .innerJoin('panel_member', 'pm', 'pm.case_id = c.id AND pm.removed_at IS NULL')
    .where('c.state IN (:...openStates)', { openStates: OPEN_CASE_STATES })
    .groupBy('pm.mediator_id');
  if ('stationId' in filter) {
    query.innerJoin(
      'mediator_station',
      'wms',
      'wms.mediator_id = pm.mediator_id AND wms.station_id = :workloadStation',
      { workloadStation: filter.stationId },
    );
  } else {
    if (filter.mediatorIds.length === 0) return new Map();
    query.andWhere('pm.mediator_id IN (:...workloadIds)', { workloadIds: filter.mediatorIds });
  }
  const rows = await query.getRawMany<{ mediatorId: string; n: string | number }>();
  return new Map(rows.map((r) => [r.mediatorId, Number(r.n)]));
}
