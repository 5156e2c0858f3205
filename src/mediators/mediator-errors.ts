import { DomainError } from '../errors/domain-error';

/** The registry's error codes; messages live in locales/<lng>/mediators.json under `errors.`. */
export const mediatorNotFound = (id: string) =>
  new DomainError('MEDIATOR_NOT_FOUND', 'not-found', 'mediators:errors.MEDIATOR_NOT_FOUND', {
    id,
  });

export const mediatorStationNotAllowed = () =>
  new DomainError(
    'MEDIATOR_STATION_NOT_ALLOWED',
    'forbidden',
    'mediators:errors.MEDIATOR_STATION_NOT_ALLOWED',
  );

export const leaveNotFound = (id: string) =>
  new DomainError('LEAVE_NOT_FOUND', 'not-found', 'mediators:errors.LEAVE_NOT_FOUND', { id });

export const conflictNotFound = (id: string) =>
  new DomainError('CONFLICT_NOT_FOUND', 'not-found', 'mediators:errors.CONFLICT_NOT_FOUND', {
    id,
  });
