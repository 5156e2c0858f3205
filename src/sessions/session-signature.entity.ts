import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TIMESTAMP } from '../database/column-types';

export const SIGNER_KINDS = ['mediator', 'party', 'agent'] as const;
export type SignerKind = (typeof SIGNER_KINDS)[number];
export const SIGNING_METHODS = ['signed', 'sealed', 'fingerprinted'] as const;
export type SigningMethod = (typeof SIGNING_METHODS)[number];

/** A signature, seal or fingerprint on a session record. Append-only (evidence). */
@Entity('session_signature')
@Index(['sessionId'])
export class SessionSignature {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @Column({ name: 'signer_kind', type: 'varchar', length: 12 })
  signerKind: SignerKind;

  @Column({ name: 'party_id', type: 'uuid', nullable: true })
  partyId: string | null;

  @Column({ name: 'mediator_id', type: 'uuid', nullable: true })
  mediatorId: string | null;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  method: SigningMethod;

  /** A scan of the signed paper record, among the case's attachments. */
  @Column({ name: 'scan_attachment_id', type: 'uuid', nullable: true })
  scanAttachmentId: string | null;

  @Column({ name: 'signed_at', type: TIMESTAMP })
  signedAt: Date;
}
