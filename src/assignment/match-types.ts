import { DisputeType } from '../reference/dispute-types';
import { LanguageLevel, MediatorKind, MediatorRole } from '../mediators/mediator.entity';

/**
 * What the matcher sees of a case and of the candidates: plain data, no TypeORM, so the scoring
 * can be unit-tested scenario by scenario and run in microseconds per candidate.
 */
export interface MatchParty {
  partyId: string;
  role: 'applicant' | 'respondent' | 'third_party';
  displayName: string;
  nameLatin?: string | null;
  nameZh?: string | null;
  kind: 'person' | 'organisation';
  /** ISO 3166-1 alpha-2: a person's nationality or an organisation's country of registration. */
  nationality?: string | null;
  /** GB/T 2260 county of a Chinese citizen's home region. */
  homeRegionCode?: string | null;
  dialects: string[];
  /** BCP 47 tags, most preferred first. */
  languages: string[];
  personId?: string | null;
  organisationId?: string | null;
  organisationName?: string | null;
  creditCode?: string | null;
  /** People linked to this party (its legal representative, agents) whose relatives must not mediate. */
  relatedPersonIds?: string[];
}

export type CaseExclusionKind = 'refused' | 'recused' | 'withdrew';

export interface MatchCase {
  caseId: string;
  stationId: string;
  disputeType: DisputeType;
  parties: MatchParty[];
  /** Mediators a party refused or had recused, or who withdrew, in this case: never suggested again. */
  excluded: { mediatorId: string; kind: CaseExclusionKind; partyId?: string | null }[];
  currentPanel: { mediatorId: string; role: PanelRole }[];
  /** Mediators a party nominated (Art. 19): ranked first when the hard rules allow. */
  nominations?: { mediatorId: string; partyId: string }[];
  /** The day the panel would sit (YYYY-MM-DD), for leave periods. */
  date: string;
}

export const PANEL_ROLES = ['lead', 'co_mediator', 'interpreter'] as const;
export type PanelRole = (typeof PANEL_ROLES)[number];

export interface CandidateConflict {
  kind: 'organisation' | 'person';
  name?: string | null;
  creditCode?: string | null;
  organisationId?: string | null;
  personId?: string | null;
  relation: string;
}

export interface CandidateMediator {
  id: string;
  kind: MediatorKind;
  roles: MediatorRole[];
  displayName: string;
  nameLatin?: string | null;
  nameZh?: string | null;
  nationality: string;
  languages: { tag: string; level: LanguageLevel }[];
  homeRegionCode?: string | null;
  dialects: string[];
  specialties: string[];
  stationIds: string[];
  capacity: number;
  status: 'active' | 'inactive';
  leavePeriods: { startsOn: string; endsOn: string }[];
  conflicts: CandidateConflict[];
  activeCaseCount: number;
}

/** A sentence to be: an i18n key and its parameters, translated at the edge. */
export interface Reason {
  key: string;
  params: Record<string, string | number>;
}

export const SCORE_PARTS = [
  'nomination',
  'language',
  'nationality',
  'homeRegion',
  'dialect',
  'specialty',
  'workload',
] as const;
export type ScorePart = (typeof SCORE_PARTS)[number];

export interface Suggestion {
  mediatorId: string;
  displayName: string;
  kind: MediatorKind;
  roles: MediatorRole[];
  total: number;
  parts: Record<ScorePart, number>;
  reasons: (Reason & { part: ScorePart })[];
}

export interface Exclusion {
  mediatorId: string;
  displayName: string;
  reasons: Reason[];
}
