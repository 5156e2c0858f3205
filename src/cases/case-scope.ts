import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DataScope } from '../auth/authenticated-user';

/**
 * Restricts a query over mediation_case (aliased `alias`) to what the caller may see: a clerk
 * their station's cases, a mediator the cases on their panel, a bureau its region's stations.
 * Every module that reads cases applies this inside its query.
 */
export function applyCaseScope<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  scope: DataScope,
  alias = 'c',
): SelectQueryBuilder<T> {
  switch (scope.kind) {
    case 'all':
      return query;
    case 'station':
      return query.andWhere(`${alias}.station_id = :scopeStationId`, {
        scopeStationId: scope.stationId,
      });
    case 'county':
      // The region's stations found once per statement, not once per case (an EXISTS per row
      // looked each case's station up again: a tenth of a bureau's case-level export).
      return query.andWhere(
        `${alias}.station_id IN (SELECT scope_s.id FROM station scope_s WHERE scope_s.county_code LIKE :scopeRegion)`,
        { scopeRegion: `${scope.countyCode.replace(/(00)+$/, '')}%` },
      );
    case 'panel':
      return query.andWhere(
        `EXISTS (SELECT 1 FROM panel_member scope_pm WHERE scope_pm.case_id = ${alias}.id AND scope_pm.mediator_id = :scopeMediatorId AND scope_pm.removed_at IS NULL)`,
        { scopeMediatorId: scope.mediatorId },
      );
  }
}
