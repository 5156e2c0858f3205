import { primaryLanguage } from '../reference/languages-of-the-world';
import { PanelPolicy } from '../stations/station.entity';
import { CandidateMediator, MatchParty, PanelRole, Reason } from './match-types';
import { partyParams } from './mediator-matcher';

export interface PanelSeat {
  mediator: Pick<CandidateMediator, 'id' | 'kind' | 'roles' | 'languages'>;
  role: PanelRole;
}

export type PolicyViolation =
  | { code: 'leadRequired' }
  | { code: 'staffMediator' }
  | { code: 'languageNotCovered'; partyId: string; languages: string[] }
  | { code: 'tooManyMediators'; max: number };

export const isForeignParty = (party: Pick<MatchParty, 'nationality'>) =>
  !!party.nationality && party.nationality !== 'CN';

/**
 * What a panel lacks under the station's policy (stations/station.entity.ts): a lead; a staff
 * mediator beside a foreign party's mediator; every party's language spoken by someone on the
 * panel, interpreters included; no more mediators than allowed. Empty when the panel may sit.
 */
export function panelViolations(
  parties: MatchParty[],
  seats: PanelSeat[],
  policy: PanelPolicy,
): PolicyViolation[] {
  const violations: PolicyViolation[] = [];
  const mediators = seats.filter((s) => s.role !== 'interpreter');
  if (!seats.some((s) => s.role === 'lead')) violations.push({ code: 'leadRequired' });
  if (
    policy.staffMediatorForForeignParty &&
    parties.some(isForeignParty) &&
    !mediators.some((s) => s.mediator.kind === 'staff')
  )
    violations.push({ code: 'staffMediator' });
  if (policy.everyPartyLanguageCovered) {
    const spoken = new Set(
      seats.flatMap((s) => s.mediator.languages.map((l) => primaryLanguage(l.tag))),
    );
    for (const party of parties) {
      // A party without a recorded language (a foreign company) cannot be checked, only asked.
      if (!party.languages.length) continue;
      if (!party.languages.some((tag) => spoken.has(primaryLanguage(tag))))
        violations.push({
          code: 'languageNotCovered',
          partyId: party.partyId,
          languages: party.languages,
        });
    }
  }
  if (mediators.length > policy.maxMediators)
    violations.push({ code: 'tooManyMediators', max: policy.maxMediators });
  return violations;
}

/** A violation as a sentence to be translated (`mediators:policy.*`). */
export function violationReason(violation: PolicyViolation, parties: MatchParty[]): Reason {
  const key = `mediators:policy.${violation.code}`;
  switch (violation.code) {
    case 'languageNotCovered': {
      const party = parties.find((p) => p.partyId === violation.partyId)!;
      return { key, params: partyParams(party, { languages: violation.languages.join(',') }) };
    }
    case 'tooManyMediators':
      return { key, params: { max: violation.max } };
    default:
      return { key, params: {} };
  }
}
