import { AuthenticatedUser } from '../auth/authenticated-user';
import { fromMinorUnits } from '../common/money/money';
import { maskTail } from '../common/personal-data/field-encryption';
import { CaseParty } from './case-party.entity';
import { allowedNextStates, isOverdue } from './case-lifecycle';
import { MediationCase } from './mediation-case.entity';

/** Roles that may read identity and phone numbers in full; the bureau supervises without them. */
export const seesPersonalData = (user: AuthenticatedUser) => user.role !== 'bureau';

export function partyView(party: CaseParty, user: AuthenticatedUser) {
  const unmasked = seesPersonalData(user);
  const person = party.person;
  const organisation = party.organisation;
  return {
    id: party.id,
    role: party.role,
    position: party.position,
    kind: person ? 'person' : 'organisation',
    displayName: person?.nameOriginal ?? organisation?.nameOriginal ?? '',
    person: person
      ? {
          id: person.id,
          nameOriginal: person.nameOriginal,
          nameLatin: person.nameLatin,
          nameZh: person.nameZh,
          sex: person.sex,
          birthYear: person.birthYear,
          nationality: person.nationality,
          homeRegionCode: person.homeRegionCode,
          dialects: person.dialects,
          ethnicGroup: person.ethnicGroup,
          identityDocument: person.idDocumentType
            ? {
                type: person.idDocumentType,
                number: unmasked ? person.idDocumentNumber : maskTail(person.idDocumentNumber),
                country: person.idDocumentCountry,
              }
            : null,
          phone: unmasked ? person.phone : maskTail(person.phone),
          address: unmasked ? person.address : null,
          preferredLanguages: person.preferredLanguages,
          needsInterpreter: person.needsInterpreter,
          occupation: person.occupation,
        }
      : null,
    organisation: organisation
      ? {
          id: organisation.id,
          nameOriginal: organisation.nameOriginal,
          nameZh: organisation.nameZh,
          nameLatin: organisation.nameLatin,
          creditCode: organisation.creditCode,
          country: organisation.country,
          legalRepresentative: organisation.legalRepresentative,
          address: organisation.address,
        }
      : null,
    agents: party.agents.map((a) => ({ ...a, phone: unmasked ? a.phone : maskTail(a.phone) })),
    consent: {
      state: party.consent,
      at: party.consentAt,
      method: party.consentMethod,
      refusalReason: party.refusalReason,
    },
    rightsNotice: party.rightsNoticeAt
      ? { deliveredAt: party.rightsNoticeAt, language: party.rightsNoticeLanguage }
      : null,
  };
}

export function caseSummaryView(c: MediationCase, now = new Date()) {
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    stationId: c.stationId,
    source: c.source,
    receivedOn: c.receivedOn,
    disputeType: c.disputeType,
    tags: c.tags,
    amountInDispute:
      c.amountMinor !== null && c.currency
        ? { amount: fromMinorUnits(c.amountMinor, c.currency), currency: c.currency }
        : null,
    state: c.state,
    acceptedAt: c.acceptedAt,
    dueAt: c.dueAt,
    overdue: isOverdue(c.state, c.dueAt, now),
    concludedAt: c.concludedAt,
    riskOfEscalation: c.riskOfEscalation,
    createdAt: c.createdAt,
  };
}

export function caseView(c: MediationCase, user: AuthenticatedUser, now = new Date()) {
  return {
    ...caseSummaryView(c, now),
    station: c.station
      ? {
          id: c.station.id,
          code: c.station.code,
          nameZh: c.station.nameZh,
          nameEn: c.station.nameEn,
        }
      : undefined,
    account: c.account,
    requests: c.requests,
    risk: {
      escalationRisk: c.riskOfEscalation,
      personsAtRisk: c.personsAtRisk,
      policeReport: c.policeReport,
    },
    closedAt: c.closedAt,
    version: c.version,
    parties: [...(c.parties ?? [])]
      .sort((a, b) => a.position - b.position)
      .map((p) => partyView(p, user)),
    allowedTransitions: allowedNextStates(c.state, 'manual'),
  };
}

export type CaseView = ReturnType<typeof caseView>;
