/**
 * What the mediator's pages read and write, typed after the API's own views (src/sessions,
 * src/agreements, src/cases, src/assignment), one function per call, over the shell's client.
 */
import { api, API_BASE, ApiError, token } from '../../ui/api';
import { language } from '../../ui/i18n';

export interface MultilingualText {
  original: { language: string; text: string };
  translations: {
    language: string;
    text: string;
    translatedBy: string;
    checked: boolean;
    checkedBy?: string;
  }[];
}

export interface CaseSummary {
  id: string;
  caseNumber: string;
  stationId: string;
  receivedOn: string;
  disputeType: string;
  state: string;
  dueAt: string | null;
  overdue: boolean;
  amountInDispute: { amount: string; currency: string } | null;
}

export interface CaseParty {
  id: string;
  role: string;
  position: number;
  kind: 'person' | 'organisation';
  displayName: string;
  person: { nameLatin: string | null; preferredLanguages: string[] } | null;
  organisation: {
    nameLatin: string | null;
    legalRepresentative: string | null;
    country: string | null;
  } | null;
  rightsNotice: { deliveredAt: string; language: string } | null;
}

export interface CaseDetail extends CaseSummary {
  station?: { id: string; nameZh: string; nameEn: string | null };
  parties: CaseParty[];
  allowedTransitions: string[];
}

export interface PanelMember {
  mediatorId: string;
  role: 'lead' | 'co_mediator' | 'interpreter';
  name: string;
  nameLatin: string | null;
  kind: string;
}

export interface Panel {
  caseId: string;
  state: string;
  members: PanelMember[];
}

export interface ExpectedParticipant {
  key: string;
  kind: 'party' | 'agent' | 'mediator' | 'interpreter' | 'invited';
  partyId?: string;
  mediatorId?: string;
  name?: string;
}

export interface Session {
  id: string;
  caseId: string;
  number: number;
  status: 'scheduled' | 'held' | 'cancelled';
  startsAt: string;
  endsAt: string;
  timeZone: string;
  room: string | null;
  videoLink: string | null;
  publicity: 'public' | 'private';
  languages: string[];
  participants: {
    partyIds: string[];
    panelMemberIds: string[];
    interpreterIds: string[];
  };
  expectedParticipants: ExpectedParticipant[];
  attendance: { key: string; present: boolean; note?: string }[] | null;
  signedAt: string | null;
}

export interface RecordEntry {
  id: string;
  ordinal: number;
  speaker: { kind: string; partyId?: string; mediatorId?: string; name: string };
  text: MultilingualText;
  correctsEntryId: string | null;
  afterSigning: boolean;
}

export interface SessionRecord {
  sessionId: string;
  signed: boolean;
  signedAt: string | null;
  attendance: Session['attendance'];
  entries: RecordEntry[];
  signatures: {
    signerKind: string;
    partyId: string | null;
    mediatorId: string | null;
    name: string;
    method: string;
  }[];
  outcome: { kind: string; performanceDeadline: string | null } | null;
}

export interface ClauseParameter {
  name: string;
  type:
    | 'party'
    | 'money'
    | 'date'
    | 'text'
    | 'paymentMethod'
    | 'instalments'
    | 'boolean'
    | 'apologyForm'
    | 'languages';
  required: boolean;
  values?: string[];
}

export interface ClauseKind {
  kind: string;
  parameters: ClauseParameter[];
}

export interface AgreementTerm {
  kind: 'clause' | 'free';
  clause?: string;
  params?: Record<string, unknown>;
  text?: MultilingualText;
}

export interface AgreementDraft {
  facts: MultilingualText;
  mattersInDispute: MultilingualText;
  responsibilities: MultilingualText;
  terms: AgreementTerm[];
  performance: { method: MultilingualText; place: MultilingualText; deadline: string };
  copies: number;
  mediators: { name: string; mediatorId?: string }[];
  partyLanguages?: { partyId: string; language: string }[];
  layout?: 'side_by_side' | 'paragraphs';
}

export interface Agreement {
  id: string;
  caseId: string;
  currentVersion: number;
  state: 'draft' | 'issued' | 'effective' | 'superseded';
  content: Omit<AgreementDraft, 'mediators'> & {
    parties: {
      id: string;
      role: string;
      language: string;
      nameOriginal: string;
      nameLatin: string | null;
    }[];
    mediators: { ref: string; name: string; mediatorId?: string }[];
  };
  verificationCode: string | null;
  issuedAt: string | null;
  effectiveAt: string | null;
  confirmationDeadline: string | null;
  /** The day the parties applied to the court for judicial confirmation, and the court. */
  confirmationAppliedOn: string | null;
  confirmationCourt: string | null;
  languages: string[];
  signatures: { signerKind: string; signerRef: string; method: string; signedAt: string }[];
  missingSignatures: { kind: 'party' | 'mediator' | 'committee'; ref: string }[];
}

export interface FollowUpVisit {
  id: string;
  visitedOn: string;
  visitedBy: { name: string; mediatorId?: string };
  performance: 'fully' | 'partly' | 'not';
  satisfaction: { partyId: string; level: string }[];
  wentToCourt: boolean;
}

/** The mediator-side API, one function per call the pages make. */
export const mediatorApi = {
  cases: (query: Record<string, string | number | undefined>) =>
    api.get<{ total: number; items: CaseSummary[] }>('/cases', query),
  case: (id: string) => api.get<CaseDetail>(`/cases/${id}`),
  panel: (id: string) => api.get<Panel>(`/cases/${id}/panel`),
  sessions: (caseId: string) => api.get<Session[]>(`/cases/${caseId}/sessions`),
  session: (caseId: string, id: string) => api.get<Session>(`/cases/${caseId}/sessions/${id}`),
  schedule: (caseId: string, body: unknown) => api.post<Session>(`/cases/${caseId}/sessions`, body),
  record: (caseId: string, id: string) =>
    api.get<SessionRecord>(`/cases/${caseId}/sessions/${id}/record`),
  attendance: (caseId: string, id: string, marks: unknown) =>
    api.put<SessionRecord>(`/cases/${caseId}/sessions/${id}/record/attendance`, { marks }),
  addEntry: (caseId: string, id: string, body: unknown) =>
    api.post<SessionRecord>(`/cases/${caseId}/sessions/${id}/record/entries`, body),
  signRecord: (caseId: string, id: string, signatures: unknown) =>
    api.post<SessionRecord>(`/cases/${caseId}/sessions/${id}/record/signatures`, { signatures }),
  outcome: (caseId: string, id: string, body: unknown) =>
    api.post<unknown>(`/cases/${caseId}/sessions/${id}/outcome`, body),
  reminders: () =>
    api.get<{
      date: string;
      sessions: {
        sessionId: string;
        caseId: string;
        caseNumber: string;
        startsAt: string;
        endsAt: string;
        timeZone: string;
        room: string | null;
      }[];
      casesNearLimit: { caseId: string; caseNumber: string; dueAt: string }[];
      followUpsDue: { caseId: string; caseNumber: string; performanceDeadline: string }[];
    }>('/reminders/today'),
  clauses: () => api.get<ClauseKind[]>('/agreements/clauses'),
  agreements: (caseId: string) => api.get<Agreement[]>(`/cases/${caseId}/agreements`),
  agreement: (id: string) => api.get<Agreement>(`/agreements/${id}`),
  draftAgreement: (caseId: string, body: AgreementDraft) =>
    api.post<Agreement>(`/cases/${caseId}/agreements`, body),
  updateDraft: (id: string, body: AgreementDraft) =>
    api.put<Agreement>(`/agreements/${id}/draft`, body),
  issue: (id: string) => api.post<Agreement>(`/agreements/${id}/issue`),
  signAgreement: (id: string, body: unknown) =>
    api.post<Agreement>(`/agreements/${id}/signatures`, body),
  applyForConfirmation: (id: string, body: { appliedOn: string; court: string }) =>
    api.post<Agreement>(`/agreements/${id}/confirmation-application`, body),
  followUps: (caseId: string) => api.get<FollowUpVisit[]>(`/cases/${caseId}/follow-ups`),
  followUp: (caseId: string, body: unknown) =>
    api.post<FollowUpVisit & { caseState: string }>(`/cases/${caseId}/follow-ups`, body),
};

/** Where a party's copy of an agreement is served as PDF (under the API base). */
export const copyPath = (agreementId: string, partyId: string) =>
  `/agreements/${agreementId}/copies/${partyId}.pdf`;

export const calendarFeedPath = (mediatorId: string) => `/mediators/${mediatorId}/calendar.ics`;

/** A file (a PDF) as a Blob with the caller's token, for an inline preview. */
export async function fetchBlob(path: string): Promise<Blob> {
  const headers: Record<string, string> = { 'Accept-Language': language() };
  const bearer = token();
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  const response = await fetch(`${API_BASE}${path}`, { headers });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new ApiError(
      response.status,
      body.code ?? `HTTP_${response.status}`,
      body.message ?? '',
      body.details ?? [],
    );
  }
  return response.blob();
}
