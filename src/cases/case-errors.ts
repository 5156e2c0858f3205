import { DomainError } from '../errors/domain-error';
import { CaseState } from './case-lifecycle';

/** The case module's error codes; messages live in locales/<lng>/cases.json under `errors.`. */
export const caseNotFound = (id: string) =>
  new DomainError('CASE_NOT_FOUND', 'not-found', 'cases:errors.CASE_NOT_FOUND', { id });

export const partyNotFound = (id: string) =>
  new DomainError('PARTY_NOT_FOUND', 'not-found', 'cases:errors.PARTY_NOT_FOUND', { id });

export const illegalTransition = (from: CaseState, to: string, allowed: CaseState[]) =>
  new DomainError('ILLEGAL_TRANSITION', 'conflict', 'cases:errors.ILLEGAL_TRANSITION', {
    from,
    to,
    allowed: allowed.length ? allowed.join(', ') : '—',
    allowedStates: allowed,
  });

export const transitionNotManual = (from: CaseState, to: string, allowed: CaseState[]) =>
  new DomainError('TRANSITION_NEEDS_PANEL', 'conflict', 'cases:errors.TRANSITION_NEEDS_PANEL', {
    from,
    to,
    allowed: allowed.length ? allowed.join(', ') : '—',
    allowedStates: allowed,
  });

export const duplicatePerson = (personId: string, field: string) =>
  new DomainError('DUPLICATE_PERSON', 'conflict', 'cases:errors.DUPLICATE_PERSON', { personId }, [
    { field, key: 'cases:errors.DUPLICATE_PERSON', params: { personId } },
  ]);

export const duplicateOrganisation = (organisationId: string, field: string) =>
  new DomainError(
    'DUPLICATE_ORGANISATION',
    'conflict',
    'cases:errors.DUPLICATE_ORGANISATION',
    { organisationId },
    [{ field, key: 'cases:errors.DUPLICATE_ORGANISATION', params: { organisationId } }],
  );

export const stationNotAllowed = () =>
  new DomainError('STATION_NOT_ALLOWED', 'forbidden', 'cases:errors.STATION_NOT_ALLOWED');

export const caseConcluded = (state: CaseState) =>
  new DomainError('CASE_CONCLUDED', 'conflict', 'cases:errors.CASE_CONCLUDED', { state });

export const attachmentTooLarge = (maxMb: number) =>
  new DomainError(
    'ATTACHMENT_TOO_LARGE',
    'payload-too-large',
    'cases:errors.ATTACHMENT_TOO_LARGE',
    { maxMb },
  );

export const attachmentTypeRefused = () =>
  new DomainError(
    'ATTACHMENT_TYPE_REFUSED',
    'unsupported-media',
    'cases:errors.ATTACHMENT_TYPE_REFUSED',
  );

export const attachmentNotFound = (id: string) =>
  new DomainError('ATTACHMENT_NOT_FOUND', 'not-found', 'cases:errors.ATTACHMENT_NOT_FOUND', { id });
