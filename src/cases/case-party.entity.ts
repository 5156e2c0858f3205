import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { TIMESTAMP } from '../database/column-types';
import { MediationCase } from './mediation-case.entity';
import { Organisation } from './organisation.entity';
import { Person } from './person.entity';

export const PARTY_ROLES = ['applicant', 'respondent', 'third_party'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];
export const CONSENT_STATES = ['pending', 'given', 'refused'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];
export const CONSENT_METHODS = [
  'signed_form',
  'oral_recorded',
  'fingerprint',
  'electronic',
] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** An agent acting for a party under a power of attorney. */
export interface PartyAgent {
  name: string;
  relation: string;
  phone?: string;
  /** What the power of attorney covers, e.g. "full authority to settle". */
  scope: string;
}

/** A person or organisation in a case, with its role, agents, consent and rights notice. */
@Entity('case_party')
@Index(['personId'])
@Index(['organisationId'])
export class CaseParty {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @ManyToOne(() => MediationCase, (c) => c.parties, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  mediationCase?: MediationCase;

  @Column({ type: 'varchar', length: 16 })
  role: PartyRole;

  /** Order of the party within the case (applicants first), for documents. */
  @Column({ type: 'integer' })
  position: number;

  @Column({ name: 'person_id', type: 'uuid', nullable: true })
  personId: string | null;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'person_id' })
  person?: Person | null;

  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation | null;

  @Column({ type: 'simple-json' })
  agents: PartyAgent[];

  @Column({ type: 'varchar', length: 12, default: 'pending' })
  consent: ConsentState;

  @Column({ name: 'consent_at', type: TIMESTAMP, nullable: true })
  consentAt: Date | null;

  @Column({ name: 'consent_method', type: 'varchar', length: 20, nullable: true })
  consentMethod: ConsentMethod | null;

  @Column({ name: 'refusal_reason', type: 'varchar', length: 1000, nullable: true })
  refusalReason: string | null;

  /** When the notice of rights and duties was delivered, and in which language. */
  @Column({ name: 'rights_notice_at', type: TIMESTAMP, nullable: true })
  rightsNoticeAt: Date | null;

  @Column({ name: 'rights_notice_language', type: 'varchar', length: 16, nullable: true })
  rightsNoticeLanguage: string | null;

  @CreateDateColumn({ name: 'created_at', type: TIMESTAMP })
  createdAt: Date;
}
