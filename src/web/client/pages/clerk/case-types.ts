/** Shapes of the case API's answers that the clerk pages read (GET /cases, /cases/:id …). */
export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

export interface Money {
  amount: string;
  currency: string;
}

export interface CaseSummary {
  id: string;
  caseNumber: string;
  stationId: string;
  source: string;
  receivedOn: string;
  disputeType: string;
  tags: string[];
  amountInDispute: Money | null;
  state: string;
  acceptedAt: string | null;
  dueAt: string | null;
  overdue: boolean;
  concludedAt: string | null;
  riskOfEscalation: boolean;
  createdAt: string;
}

export interface MultilingualText {
  original: { language: string; text: string };
  translations: { language: string; text: string; translatedBy?: string; checked?: boolean }[];
}

export interface CaseParty {
  id: string;
  role: string;
  position: number;
  kind: 'person' | 'organisation';
  displayName: string;
  person: {
    id: string;
    nameOriginal: string;
    nameLatin: string | null;
    nameZh: string | null;
    sex: string;
    nationality: string;
    homeRegionCode: string | null;
    preferredLanguages: string[];
    needsInterpreter: boolean;
    phone: string | null;
  } | null;
  organisation: {
    id: string;
    nameOriginal: string;
    country: string;
    creditCode: string | null;
  } | null;
  consent: {
    state: 'pending' | 'given' | 'refused';
    at: string | null;
    method: string | null;
    refusalReason: string | null;
  };
  rightsNotice: { deliveredAt: string | null; language: string | null } | null;
}

export interface CaseDetail extends CaseSummary {
  station: { id: string; code: string; nameZh: string; nameEn: string };
  account: MultilingualText;
  requests: MultilingualText;
  risk: { escalationRisk: boolean; personsAtRisk: number | null; policeReport: unknown };
  closedAt: string | null;
  version: number;
  parties: CaseParty[];
  allowedTransitions: string[];
}

export interface TimelineEvent {
  event: string;
  fromState: string | null;
  toState: string | null;
  at: string;
  actor: { id?: string; displayName?: string; username?: string } | string | null;
  reason: string | null;
  details: Record<string, unknown> | null;
}

export interface CaseFile {
  caseId: string;
  caseNumber: string;
  items: { item: string; required: boolean; present: boolean; applicable: boolean }[];
}

export interface Suggestion {
  mediatorId: string;
  name: string;
  kind: string;
  roles: string[];
  total: number;
  reasons: { part: string; key: string; text: string }[];
}

export interface PanelView {
  caseId: string;
  state: string;
  members: {
    mediatorId: string;
    role: string;
    name?: string;
    displayName?: string;
    kind?: string;
  }[];
  missing: unknown[];
}
