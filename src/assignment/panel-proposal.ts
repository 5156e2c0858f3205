import { PanelPolicy } from '../stations/station.entity';
import { CandidateMediator, MatchParty, PanelRole } from './match-types';
import { bestLanguage, MatchResult } from './mediator-matcher';
import { isForeignParty, PanelSeat, panelViolations, PolicyViolation } from './panel-policy';

export interface PanelProposal {
  seats: { mediatorId: string; role: PanelRole }[];
  violations: PolicyViolation[];
}

/**
 * The panel the suggestions add up to, as both practices sit: the best-matched mediator leads; a
 * staff mediator joins when a party is foreign and the lead is not staff; an interpreter for each
 * party whose language no one on the panel speaks. What cannot be filled stays in `violations`.
 */
export function proposePanel(
  parties: MatchParty[],
  result: MatchResult,
  candidates: ReadonlyMap<string, CandidateMediator>,
  policy: PanelPolicy,
): PanelProposal {
  const seats: PanelSeat[] = [];
  const seat = (mediatorId: string, role: PanelRole) =>
    seats.push({ mediator: candidates.get(mediatorId)!, role });
  const seated = (id: string) => seats.some((s) => s.mediator.id === id);

  const lead = result.mediators[0];
  if (lead) seat(lead.mediatorId, 'lead');
  if (
    policy.staffMediatorForForeignParty &&
    parties.some(isForeignParty) &&
    lead &&
    lead.kind !== 'staff'
  ) {
    const staff = result.mediators.find((s) => s.kind === 'staff' && !seated(s.mediatorId));
    if (staff && seats.length < policy.maxMediators) seat(staff.mediatorId, 'co_mediator');
  }
  for (const violation of panelViolations(parties, seats, policy)) {
    if (violation.code !== 'languageNotCovered') continue;
    const party = parties.find((p) => p.partyId === violation.partyId)!;
    // Re-check: an interpreter seated for an earlier party may speak this one's language too.
    if (!panelViolations([party], seats, policy).some((v) => v.code === 'languageNotCovered'))
      continue;
    const interpreter = result.interpreters
      .filter((s) => !seated(s.mediatorId))
      .map((s) => ({ s, fit: bestLanguage(party, candidates.get(s.mediatorId)!) }))
      .filter((x) => x.fit)
      .sort((a, b) => b.fit!.points - a.fit!.points)[0];
    if (interpreter) seat(interpreter.s.mediatorId, 'interpreter');
  }
  return {
    seats: seats.map((s) => ({ mediatorId: s.mediator.id, role: s.role })),
    violations: panelViolations(parties, seats, policy),
  };
}
