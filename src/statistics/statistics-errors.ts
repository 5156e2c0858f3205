import { DomainError } from '../errors/domain-error';

/** The statistics module's errors; messages in locales/<lng>/statistics.json under `errors.`. */
export const periodInvalid = () =>
  new DomainError('STATISTICS_PERIOD_INVALID', 'invalid', 'statistics:errors.PERIOD_INVALID');

export const periodTooLong = (maxYears: number) =>
  new DomainError('STATISTICS_PERIOD_TOO_LONG', 'invalid', 'statistics:errors.PERIOD_TOO_LONG', {
    maxYears,
  });
