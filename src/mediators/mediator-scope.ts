import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DataScope } from '../auth/authenticated-user';

/**
 * Restricts a query over mediator (aliased `alias`) to the caller's scope: a clerk sees the
 * mediators serving their station, a bureau those serving a station in its region, a mediator
 * those who serve a station with them, an administrator all.
 */
export function applyMediatorScope<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  scope: DataScope,
  alias = 'm',
): SelectQueryBuilder<T> {
  switch (scope.kind) {
    case 'all':
      return query;
    case 'station':
      return query.andWhere(
        `EXISTS (SELECT 1 FROM mediator_station scope_ms WHERE scope_ms.mediator_id = ${alias}.id AND scope_ms.station_id = :scopeStationId)`,
        { scopeStationId: scope.stationId },
      );
    case 'county':
      return query.andWhere(
        `EXISTS (SELECT 1 FROM mediator_station scope_ms JOIN station scope_s ON scope_s.id = scope_ms.station_id WHERE scope_ms.mediator_id = ${alias}.id AND scope_s.county_code LIKE :scopeRegion)`,
        { scopeRegion: `${scope.countyCode.replace(/(00)+$/, '')}%` },
      );
    case 'panel':
      return query.andWhere(
        `EXISTS (SELECT 1 FROM mediator_station scope_ms WHERE scope_ms.mediator_id = ${alias}.id AND scope_ms.station_id IN (SELECT own_ms.station_id FROM mediator_station own_ms WHERE own_ms.mediator_id = :scopeMediatorId))`,
        { scopeMediatorId: scope.mediatorId },
      );
  }
}
