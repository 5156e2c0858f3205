import { CaseSource } from '../cases/mediation-case.entity';
import { DisputeType } from '../reference/dispute-types';

/** A sum of money in one currency, in minor units. */
export interface MoneyAmount {
  currency: string;
  amountMinor: bigint;
}

/** The states that end mediation; a case reaches at most one of them (case-lifecycle.ts). */
export const OUTCOME_STATES = [
  'agreement_reached',
  'terminated',
  'withdrawn',
  'refused',
  'declined',
] as const;
export type OutcomeState = (typeof OUTCOME_STATES)[number];

/**
 * What the statistics need to know of one case, with every date taken from its state_changed
 * transitions (the case timeline is the source of truth, not the denormalised columns).
 */
export interface CaseFacts {
  id: string;
  stationId: string;
  source: CaseSource;
  disputeType: DisputeType;
  riskOfEscalation: boolean;
  personsAtRisk: number;
  /** Amount in dispute as registered. */
  amount: MoneyAmount | null;
  /** First transition into `accepted`. */
  acceptedAt: Date | null;
  /** First transition into an outcome state. */
  outcome: { state: OutcomeState; at: Date } | null;
  /** First transition into performed / not_performed. */
  performance: { state: 'performed' | 'not_performed'; at: Date } | null;
  /** Distinct nationalities (ISO 3166) of the person parties other than CN. */
  foreignNationalities: string[];
  /** Distinct home provinces (GB/T 2260, NN0000) of the person parties with a home region. */
  homeProvinces: string[];
  /** Distinct kinds of the mediators seated on the panel and not removed. */
  mediatorKinds: string[];
  /** Languages of mediation (README, "Statistics definitions"): session languages, else parties' first choice. */
  languages: string[];
  /** The agreement's current version when it is effective. */
  effectiveAgreement: { effectiveAt: Date; amounts: MoneyAmount[] } | null;
  /** Day the parties applied for judicial confirmation (China calendar day), if they did. */
  confirmationAppliedOn: string | null;
}
