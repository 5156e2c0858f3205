import { DomainError } from '../errors/domain-error';

/** Documents that cannot exist yet; messages live in locales/<lng>/documents.json under `errors.`. */
const error = (
  code: string,
  kind: DomainError['kind'],
  params: Record<string, unknown> = {},
): DomainError => new DomainError(code, kind, `documents:errors.${code}`, params);

/** The session's outcome is not a termination (Art. 26): no notice to give. */
export const noTermination = () => error('NO_TERMINATION', 'conflict');

/** The agreement is not in effect (Art. 33 counts from then): nothing to confirm yet. */
export const noEffectiveAgreement = () => error('NO_EFFECTIVE_AGREEMENT', 'conflict');

/** A cancelled session, or one with no entry yet, has no record to print. */
export const sessionNotHeld = (number: number) => error('SESSION_NOT_HELD', 'conflict', { number });
