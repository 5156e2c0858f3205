import { DomainError } from '../errors/domain-error';

/** The sessions module's error codes; messages live in locales/<lng>/sessions.json under `errors.`. */
const error = (
  code: string,
  kind: DomainError['kind'],
  params: Record<string, unknown> = {},
): DomainError => new DomainError(code, kind, `sessions:errors.${code}`, params);

export const sessionNotFound = (id: string) => error('SESSION_NOT_FOUND', 'not-found', { id });

export const entryNotFound = (id: string) => error('RECORD_ENTRY_NOT_FOUND', 'not-found', { id });

export const rightsNoticePending = (parties: string) =>
  error('RIGHTS_NOTICE_PENDING', 'unprocessable', { parties });

export const caseNotMediating = (state: string) =>
  error('CASE_NOT_MEDIATING', 'conflict', { state });

export interface ConflictDescription {
  resourceKind: 'mediator' | 'room';
  resource: string;
  resourceId: string | null;
  sessionId: string;
  caseNumber: string;
  startsAt: string;
  endsAt: string;
  /** Local wall time of the conflicting session, e.g. 2026-11-10 09:30–11:00 (Asia/Shanghai). */
  when: string;
}

/** Names the first conflicting resource and session in the message; details list all of them. */
export const bookingConflict = (conflicts: ConflictDescription[]) => {
  const first = conflicts[0];
  return new DomainError(
    'BOOKING_CONFLICT',
    'conflict',
    `sessions:errors.BOOKING_CONFLICT_${first.resourceKind.toUpperCase()}`,
    { ...first, conflicts },
    conflicts.map((c) => ({
      field: c.resourceKind === 'room' ? 'room' : 'participants',
      key: `sessions:errors.BOOKING_CONFLICT_${c.resourceKind.toUpperCase()}`,
      params: { ...c },
    })),
  );
};

export const sessionNotOpen = (status: string) => error('SESSION_NOT_OPEN', 'conflict', { status });

export const recordSigned = () => error('RECORD_SIGNED', 'conflict');

export const recordNotSigned = () => error('RECORD_NOT_SIGNED', 'conflict');

/** What the record still lacks before it can be signed. */
export const recordIncomplete = (missing: 'attendance' | 'entries' | 'mediator') =>
  new DomainError(
    'RECORD_INCOMPLETE',
    'unprocessable',
    `sessions:errors.RECORD_INCOMPLETE_${missing.toUpperCase()}`,
    { missing },
  );

export const signaturesMissing = (names: string) =>
  error('SIGNATURES_MISSING', 'unprocessable', { names });

export const outcomeRecorded = () => error('OUTCOME_ALREADY_RECORDED', 'conflict');

export const routesNotExplained = (routes: string) =>
  error('ROUTES_NOT_EXPLAINED', 'unprocessable', { routes });

export const noAgreementToFollow = (state: string) =>
  error('NO_AGREEMENT_TO_FOLLOW', 'conflict', { state });

export const calendarNotOwn = () => error('CALENDAR_NOT_OWN', 'forbidden');
