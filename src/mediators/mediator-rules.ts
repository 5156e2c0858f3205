import { ErrorDetail } from '../errors/domain-error';
import { MediatorKind } from './mediator.entity';

/**
 * Registry rules a DTO cannot see alone, as plain functions. Each returns the problems found
 * (field + i18n key), empty when the record is sound.
 */
export function profileProblems(profile: {
  kind: MediatorKind;
  homeRegionCode: string | null;
  nationality: string;
}): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  // Native-place mediation matches by home region: without one the mediator cannot be matched.
  if (profile.kind === 'native_place' && !profile.homeRegionCode)
    problems.push(detail('homeRegionCode', 'mediators:validation.homeRegionRequired'));
  if (profile.homeRegionCode && profile.nationality !== 'CN')
    problems.push(detail('homeRegionCode', 'mediators:validation.homeRegionOnlyForChinese'));
  return problems;
}

export function leaveProblems(leave: { startsOn: string; endsOn: string }): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  for (const field of ['startsOn', 'endsOn'] as const) {
    if (!isCalendarDate(leave[field]))
      problems.push(detail(field, 'mediators:validation.isCalendarDate'));
  }
  if (!problems.length && leave.endsOn < leave.startsOn)
    problems.push(detail('endsOn', 'mediators:validation.endsBeforeStarts'));
  return problems;
}

export function conflictProblems(conflict: {
  kind: 'organisation' | 'person';
  name?: string;
  creditCode?: string;
  organisationId?: string;
  personId?: string;
}): ErrorDetail[] {
  if (conflict.kind === 'organisation' && conflict.personId)
    return [detail('personId', 'mediators:validation.conflictKindMismatch')];
  if (conflict.kind === 'person' && (conflict.creditCode || conflict.organisationId))
    return [detail('kind', 'mediators:validation.conflictKindMismatch')];
  if (!conflict.name && !conflict.creditCode && !conflict.organisationId && !conflict.personId)
    return [detail('name', 'mediators:validation.conflictNeedsIdentity')];
  return [];
}

/** Is the mediator on leave on this date (YYYY-MM-DD; periods are inclusive)? */
export function onLeave(periods: { startsOn: string; endsOn: string }[], date: string): boolean {
  return periods.some((p) => p.startsOn <= date && date <= p.endsOn);
}

function isCalendarDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

const detail = (field: string, key: string): ErrorDetail => ({ field, key, params: { field } });
