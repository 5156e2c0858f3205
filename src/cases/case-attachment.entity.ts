import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BINARY, TIMESTAMP } from '../database/column-types';

export const ATTACHMENT_KINDS = [
  'application_form',
  'rights_notice',
  'identity_proof',
  'power_of_attorney',
  'investigation_record',
  'evidence',
  'receipt',
  'signed_document',
  'follow_up_record',
  'judicial_confirmation',
  'explanatory_note',
  'other',
] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/**
 * A document in the case file. The bytes live in the database so that every app instance can
 * serve them; the SHA-256 proves later that they are unchanged.
 */
@Entity('case_attachment')
@Index(['caseId', 'kind'])
export class CaseAttachment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  /** The party it concerns (identity proof, power of attorney), if any. */
  @Column({ name: 'party_id', type: 'uuid', nullable: true })
  partyId: string | null;

  @Column({ type: 'varchar', length: 32 })
  kind: AttachmentKind;

  @Column({ type: 'varchar', length: 255 })
  filename: string;

  @Column({ name: 'media_type', type: 'varchar', length: 40 })
  mediaType: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ type: BINARY, select: false })
  content: Buffer;

  @Column({ name: 'uploaded_by', type: 'varchar', length: 36, nullable: true })
  uploadedBy: string | null;

  @Column({ name: 'uploaded_at', type: TIMESTAMP })
  uploadedAt: Date;
}
