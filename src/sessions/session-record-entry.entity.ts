import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { MultilingualText } from '../common/multilingual-text/multilingual-text';
import { TIMESTAMP } from '../database/column-types';

export const SPEAKER_KINDS = [
  'party',
  'agent',
  'mediator',
  'interpreter',
  'invited',
  'clerk',
] as const;
export type SpeakerKind = (typeof SPEAKER_KINDS)[number];

export interface Speaker {
  kind: SpeakerKind;
  partyId?: string;
  mediatorId?: string;
  /** The speaker's name as the record shows it. */
  name: string;
}

/**
 * One entry of the session record (调解笔录), in the language spoken with its translations. Entries
 * of a signed record can be neither changed nor deleted (database trigger); a correction is a new
 * entry pointing at the one it corrects.
 */
@Entity('session_record_entry')
@Index(['sessionId', 'ordinal'], { unique: true })
export class SessionRecordEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'integer' })
  ordinal: number;

  @Column({ type: 'simple-json' })
  speaker: Speaker;

  @Column({ type: 'simple-json' })
  text: MultilingualText;

  /** Case attachments shown to the parties at this point. */
  @Column({ name: 'shown_attachment_ids', type: 'simple-json' })
  shownAttachmentIds: string[];

  @Column({ name: 'corrects_entry_id', type: 'uuid', nullable: true })
  correctsEntryId: string | null;

  /** Written after the record was signed: only corrections are. */
  @Column({ name: 'after_signing', type: 'boolean', default: false })
  afterSigning: boolean;

  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: TIMESTAMP })
  createdAt: Date;

  @Column({ name: 'edited_at', type: TIMESTAMP, nullable: true })
  editedAt: Date | null;
}
