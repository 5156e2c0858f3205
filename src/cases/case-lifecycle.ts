/**
 * The case lifecycle as a plain transitions table (People's Mediation Law; DOMAIN.md).
 *
 * `via` says who may cause a transition: `manual` through POST /cases/{id}/transitions, `panel`
 * only by assigning a panel (the assignment module), `consent` by recording a party's refusal.
 * Declined and refused cases are final at once; the others end in `closed`.
 */
export const CASE_STATES = [
  'registered',
  'accepted',
  'declined',
  'refused',
  'mediating',
  'agreement_reached',
  'terminated',
  'withdrawn',
  'performed',
  'not_performed',
  'closed',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export type TransitionTrigger = 'manual' | 'panel' | 'consent';

interface TransitionRule {
  to: CaseState;
  via: TransitionTrigger[];
  /** A reason must be written down (declining, terminating, withdrawing, refusing). */
  reasonRequired: boolean;
}

const rule = (to: CaseState, via: TransitionTrigger[], reasonRequired = false): TransitionRule => ({
  to,
  via,
  reasonRequired,
});

export const CASE_TRANSITIONS: Record<CaseState, TransitionRule[]> = {
  registered: [
    rule('accepted', ['manual']),
    rule('declined', ['manual'], true),
    rule('refused', ['manual', 'consent'], true),
  ],
  // A party may still refuse or withdraw after acceptance, before mediation begins (Art. 17, 23).
  accepted: [
    rule('mediating', ['panel']),
    rule('refused', ['manual', 'consent'], true),
    rule('withdrawn', ['manual'], true),
  ],
  mediating: [
    rule('agreement_reached', ['manual']),
    rule('terminated', ['manual'], true),
    rule('withdrawn', ['manual'], true),
  ],
  agreement_reached: [rule('performed', ['manual']), rule('not_performed', ['manual'], true)],
  performed: [rule('closed', ['manual'])],
  not_performed: [rule('closed', ['manual'])],
  terminated: [rule('closed', ['manual'])],
  withdrawn: [rule('closed', ['manual'])],
  declined: [],
  refused: [],
  closed: [],
};

/** States in which mediation has concluded: the one-month limit no longer runs. */
export const CONCLUDED_STATES: ReadonlySet<CaseState> = new Set([
  'declined',
  'refused',
  'agreement_reached',
  'terminated',
  'withdrawn',
  'performed',
  'not_performed',
  'closed',
]);

export const MEDIATION_TIME_LIMIT_DAYS = 30;

export type TransitionCheck =
  | { ok: true; reasonRequired: boolean }
  | { ok: false; problem: 'illegal' | 'wrong-trigger' | 'reason-required'; allowed: CaseState[] };

export function allowedNextStates(from: CaseState, via?: TransitionTrigger): CaseState[] {
  return CASE_TRANSITIONS[from].filter((r) => !via || r.via.includes(via)).map((r) => r.to);
}

export function checkTransition(
  from: CaseState,
  to: CaseState,
  via: TransitionTrigger,
  reason?: string | null,
): TransitionCheck {
  const found = CASE_TRANSITIONS[from].find((r) => r.to === to);
  if (!found) return { ok: false, problem: 'illegal', allowed: allowedNextStates(from, via) };
  if (!found.via.includes(via))
    return { ok: false, problem: 'wrong-trigger', allowed: allowedNextStates(from, via) };
  if (found.reasonRequired && !reason?.trim())
    return { ok: false, problem: 'reason-required', allowed: allowedNextStates(from, via) };
  return { ok: true, reasonRequired: found.reasonRequired };
}

/** Due date of the one-month limit (2002 rules): 30 days after acceptance. */
export function dueDateAfter(acceptedAt: Date): Date {
  return new Date(acceptedAt.getTime() + MEDIATION_TIME_LIMIT_DAYS * 86_400_000);
}

export function isOverdue(state: CaseState, dueAt: Date | null, now: Date): boolean {
  return !!dueAt && !CONCLUDED_STATES.has(state) && dueAt.getTime() < now.getTime();
}
