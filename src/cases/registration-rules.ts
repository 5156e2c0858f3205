import { chinaToday } from '../common/calendar/china-day';
import { amountFitsCurrency } from '../common/money/money';
import { ErrorDetail } from '../errors/domain-error';
import { isDocumentNumber, isResidentId } from './identity-checks';
import { RegisterCaseDto } from './dto/register-case.dto';
import { PartyDto } from './dto/party.dto';

const detail = (field: string, key: string, params: Record<string, unknown> = {}): ErrorDetail => ({
  field,
  key,
  params: { field, ...params },
});

/** What a DTO cannot see: each party names exactly one person or organisation, check digits, roles. */
export function partyProblems(party: PartyDto, index: number): ErrorDetail[] {
  const at = `parties.${index}`;
  const problems: ErrorDetail[] = [];
  const given = [party.personId, party.person, party.organisationId, party.organisation].filter(
    (v) => v !== undefined,
  );
  if (given.length !== 1) problems.push(detail(at, 'cases:validation.exactlyOneParty'));
  const document = party.person?.identityDocument;
  if (document) {
    const field = `${at}.person.identityDocument.number`;
    if (document.type === 'resident_id' && !isResidentId(document.number)) {
      problems.push(detail(field, 'cases:validation.isResidentId'));
    } else if (document.type !== 'resident_id' && !isDocumentNumber(document.number)) {
      problems.push(detail(field, 'cases:validation.isDocumentNumber'));
    }
    if (document.type === 'passport' && !document.country) {
      problems.push(detail(`${at}.person.identityDocument.country`, 'validation:isDefined'));
    }
    if (document.type === 'resident_id' && party.person?.nationality !== 'CN') {
      problems.push(detail(`${at}.person.nationality`, 'cases:validation.residentIdNeedsChinese'));
    }
  }
  if (party.person?.homeRegionCode && party.person.nationality !== 'CN') {
    problems.push(
      detail(`${at}.person.homeRegionCode`, 'cases:validation.homeRegionOnlyForChinese'),
    );
  }
  if (party.organisation && party.organisation.country === 'CN' && !party.organisation.creditCode) {
    problems.push(detail(`${at}.organisation.creditCode`, 'cases:validation.creditCodeRequired'));
  }
  if (party.consent?.decision === 'refused' && !party.consent.reason) {
    problems.push(detail(`${at}.consent.reason`, 'cases:validation.refusalReasonRequired'));
  }
  return problems;
}

export function registrationProblems(dto: RegisterCaseDto): ErrorDetail[] {
  const problems = dto.parties.flatMap((party, index) => partyProblems(party, index));
  const roles = new Set(dto.parties.map((p) => p.role));
  if (!roles.has('applicant') || !roles.has('respondent'))
    problems.push(detail('parties', 'cases:validation.applicantAndRespondent'));
  const seen = new Map<string, number>();
  dto.parties.forEach((party, index) => {
    const key = party.personId ?? party.organisationId;
    if (!key) return;
    if (seen.has(key)) problems.push(detail(`parties.${index}`, 'cases:validation.partyTwice'));
    seen.set(key, index);
  });
  if (
    dto.amountInDispute &&
    !amountFitsCurrency(dto.amountInDispute.amount, dto.amountInDispute.currency)
  ) {
    problems.push(
      detail('amountInDispute.amount', 'cases:validation.amountDecimals', {
        currency: dto.amountInDispute.currency,
      }),
    );
  }
  // The day of receipt is a China calendar day, as the form's date picker gives it.
  if (dto.receivedOn > chinaToday())
    problems.push(detail('receivedOn', 'cases:validation.notInFuture'));
  if (dto.risk?.policeReport && !dto.risk.escalationRisk) {
    problems.push(detail('risk.escalationRisk', 'cases:validation.policeReportNeedsRisk'));
  }
  return problems;
}
