import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { TIMESTAMP } from '../database/column-types';
import { AgreementContent } from './agreement-content';

export const AGREEMENT_VERSION_STATES = ['draft', 'issued', 'effective', 'superseded'] as const;
export type AgreementVersionState = (typeof AGREEMENT_VERSION_STATES)[number];

/** A mediation agreement (调解协议书) of a case; its text lives in versions. */
@Entity('agreement')
export class Agreement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** One agreement per case (a unique index since the race-constraints migration). */
  @Index('UQ_agreement_case', { unique: true })
  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'current_version', type: 'integer' })
  currentVersion: number;

  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true })
  createdBy: string | null;

  /** When the parties applied to the court for judicial confirmation (Art. 33), and where. */
  @Column({ name: 'confirmation_applied_on', type: 'date', nullable: true })
  confirmationAppliedOn: string | null;

  @Column({ name: 'confirmation_court', type: 'varchar', length: 200, nullable: true })
  confirmationCourt: string | null;

  @CreateDateColumn({ name: 'created_at', type: TIMESTAMP })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: TIMESTAMP })
  updatedAt: Date;
}

/**
 * One version of the agreement's text. A draft may change; issuing freezes it (content hash and
 * verification code); any change after that is a new version. It takes effect when every party,
 * every signing mediator and the committee's seal are on it (Art. 29).
 */
@Entity('agreement_version')
@Index(['agreementId', 'version'], { unique: true })
@Index('UQ_agreement_version_live', ['agreementId'], {
  unique: true,
  where: `"state" <> 'superseded'`,
})
export class AgreementVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'agreement_id', type: 'uuid' })
  agreementId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 12 })
  state: AgreementVersionState;

  @Column({ type: 'simple-json' })
  content: AgreementContent;

  /** Money the terms cover, per currency, in minor units (for the bureau's statistics). */
  @Column({ type: 'simple-json' })
  amounts: { currency: string; amountMinor: string }[];

  /** SHA-256 of the canonical content, set when issued. */
  @Column({ name: 'content_hash', type: 'varchar', length: 64, nullable: true })
  contentHash: string | null;

  /** Short code printed on every page; GET /api/v1/verify/{code} checks it. */
  @Index({ unique: true })
  @Column({ name: 'verification_code', type: 'varchar', length: 16, nullable: true })
  verificationCode: string | null;

  @Column({ name: 'issued_at', type: TIMESTAMP, nullable: true })
  issuedAt: Date | null;

  @Column({ name: 'issued_by', type: 'varchar', length: 36, nullable: true })
  issuedBy: string | null;

  /** When the last required signature or seal was applied: starts the 30-day confirmation window. */
  @Column({ name: 'effective_at', type: TIMESTAMP, nullable: true })
  effectiveAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: TIMESTAMP })
  createdAt: Date;
}

export const SIGNER_KINDS = ['party', 'mediator', 'committee'] as const;
export type SignerKind = (typeof SIGNER_KINDS)[number];
export const SIGNING_METHODS = ['signed', 'sealed', 'fingerprinted'] as const;
export type SigningMethod = (typeof SIGNING_METHODS)[number];

/** A signature, seal or fingerprint on an issued version. Append-only. */
@Entity('agreement_signature')
@Index(['versionId', 'signerKind', 'signerRef'], { unique: true })
export class AgreementSignature {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId: string;

  @Column({ name: 'signer_kind', type: 'varchar', length: 12 })
  signerKind: SignerKind;

  /** The case party id, the signing mediator's reference, or `committee`. */
  @Column({ name: 'signer_ref', type: 'varchar', length: 64 })
  signerRef: string;

  @Column({ type: 'varchar', length: 16 })
  method: SigningMethod;

  @Column({ name: 'signed_at', type: TIMESTAMP })
  signedAt: Date;

  /** A scan of the signed copy, as a case attachment. */
  @Column({ name: 'scan_attachment_id', type: 'uuid', nullable: true })
  scanAttachmentId: string | null;

  @Column({ name: 'recorded_by', type: 'varchar', length: 36, nullable: true })
  recordedBy: string | null;
}
