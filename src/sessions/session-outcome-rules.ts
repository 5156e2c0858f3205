import { CaseState } from '../cases/case-lifecycle';

/**
 * How a session ends and what that does to the case. Adjourning leaves the case mediating; the
 * other outcomes conclude mediation (People's Mediation Law Art. 26, 28; withdrawal Art. 23).
 * A follow-up visit (Art. 31) then records whether the agreement was performed.
 */
export const OUTCOME_KINDS = ['adjourned', 'agreement_reached', 'terminated', 'withdrawn'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export const AGREEMENT_FORMS = ['written', 'oral'] as const;
export type AgreementForm = (typeof AGREEMENT_FORMS)[number];

export const PERFORMANCE_RESULTS = ['fully', 'partly', 'not'] as const;
export type PerformanceResult = (typeof PERFORMANCE_RESULTS)[number];

/** The routes a terminated mediation must tell the parties of (Art. 26). */
export const LEGAL_ROUTES = ['arbitration', 'administrative', 'court'] as const;
export type LegalRoute = (typeof LEGAL_ROUTES)[number];

/** The case state an outcome moves to; null when the case stays as it is. */
export function caseStateAfterOutcome(kind: OutcomeKind): CaseState | null {
  switch (kind) {
    case 'adjourned':
      return null;
    case 'agreement_reached':
      return 'agreement_reached';
    case 'terminated':
      return 'terminated';
    case 'withdrawn':
      return 'withdrawn';
  }
}

/** Every outcome but adjourning needs a case that is still being mediated. */
export function outcomeNeedsMediatingCase(kind: OutcomeKind): boolean {
  return kind !== 'adjourned';
}

/** Routes of Art. 26 the record does not yet say the parties were told of. */
export function routesNotExplained(explained: readonly string[]): LegalRoute[] {
  return LEGAL_ROUTES.filter((route) => !explained.includes(route));
}

/**
 * The case state a follow-up moves to: fully performed → performed, not performed →
 * not_performed; partly performed leaves the case waiting for the next visit. Only a case still
 * in agreement_reached moves; later visits are recorded without changing it.
 */
export function caseStateAfterFollowUp(
  current: CaseState,
  performance: PerformanceResult,
): CaseState | null {
  if (current !== 'agreement_reached') return null;
  if (performance === 'fully') return 'performed';
  if (performance === 'not') return 'not_performed';
  return null;
}

/** An agreement is due a follow-up once its performance deadline has passed without a visit. */
export function followUpDue(
  performanceDeadline: string | null,
  lastVisitOn: string | null,
  today: string,
): boolean {
  if (!performanceDeadline) return false;
  return performanceDeadline < today && (!lastVisitOn || lastVisitOn < performanceDeadline);
}
