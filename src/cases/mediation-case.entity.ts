import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { bigintTransformer } from '../common/money/money';
import { MultilingualText } from '../common/multilingual-text/multilingual-text';
import { TIMESTAMP } from '../database/column-types';
import { DisputeType } from '../reference/dispute-types';
import { Station } from '../stations/station.entity';
import { CaseParty } from './case-party.entity';
import { CaseState } from './case-lifecycle';

export const CASE_SOURCES = [
  'party_application',
  'committee_initiative',
  'police_referral',
  'court_referral',
  'government_assignment',
] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

export const TRADE_DISPUTE_TAGS = [
  'payment',
  'delivery',
  'quality',
  'counterfeit',
  'logistics',
  'customs',
  'tenancy',
  'deposit',
  'wages',
  'injury',
  'cultural_misunderstanding',
  'intellectual_property',
] as const;
export type TradeDisputeTag = (typeof TRADE_DISPUTE_TAGS)[number];

/** The record of the police report for a dispute at risk of turning criminal (Art. 25). */
export interface PoliceReport {
  reportedAt: string;
  policeStation: string;
  officer?: string;
  reference?: string;
}

/** A dispute registered at a station, from intake to closing. */
@Entity('mediation_case')
@Index(['stationId', 'receivedOn'])
@Index(['state', 'dueAt'])
@Index(['disputeType', 'state', 'receivedOn', 'id'])
export class MediationCase {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_number', type: 'varchar', length: 80, unique: true })
  caseNumber: string;

  @Column({ name: 'station_id', type: 'uuid' })
  stationId: string;

  @ManyToOne(() => Station, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'station_id' })
  station?: Station;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'integer' })
  sequence: number;

  @Column({ type: 'varchar', length: 32 })
  source: CaseSource;

  @Column({ name: 'received_on', type: 'date' })
  receivedOn: string;

  @Index()
  @Column({ name: 'dispute_type', type: 'varchar', length: 32 })
  disputeType: DisputeType;

  @Column({ type: 'simple-json' })
  tags: TradeDisputeTag[];

  @Column({ name: 'amount_minor', type: 'bigint', nullable: true, transformer: bigintTransformer })
  amountMinor: bigint | null;

  @Column({ type: 'varchar', length: 3, nullable: true })
  currency: string | null;

  /** The applicant's account of the dispute, in the language told, with translations. */
  @Column({ type: 'simple-json' })
  account: MultilingualText;

  /** What the applicant asks for. */
  @Column({ type: 'simple-json' })
  requests: MultilingualText;

  @Column({ name: 'risk_of_escalation', type: 'boolean', default: false })
  riskOfEscalation: boolean;

  @Column({ name: 'police_report', type: 'simple-json', nullable: true })
  policeReport: PoliceReport | null;

  @Column({ name: 'persons_at_risk', type: 'integer', default: 0 })
  personsAtRisk: number;

  @Index()
  @Column({ type: 'varchar', length: 24 })
  state: CaseState;

  @Column({ name: 'accepted_at', type: TIMESTAMP, nullable: true })
  acceptedAt: Date | null;

  /** The one-month limit: 30 days after acceptance. */
  @Column({ name: 'due_at', type: TIMESTAMP, nullable: true })
  dueAt: Date | null;

  /** When mediation concluded (agreement, termination, withdrawal, refusal or declining). */
  @Column({ name: 'concluded_at', type: TIMESTAMP, nullable: true })
  concludedAt: Date | null;

  @Column({ name: 'closed_at', type: TIMESTAMP, nullable: true })
  closedAt: Date | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true })
  createdBy: string | null;

  @OneToMany(() => CaseParty, (party) => party.mediationCase)
  parties?: CaseParty[];

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: TIMESTAMP })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: TIMESTAMP })
  updatedAt: Date;
}
