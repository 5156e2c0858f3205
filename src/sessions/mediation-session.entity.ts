import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { TIMESTAMP } from '../database/column-types';

export const SESSION_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const PRIVATE_REASONS = [
  'party_request',
  'privacy',
  'trade_secret',
  'party_objection',
] as const;
export type PrivateReason = (typeof PRIVATE_REASONS)[number];

export const INVITED_RELATIONS = [
  'relative',
  'neighbour',
  'colleague',
  'expert',
  'interpreter',
] as const;
export type InvitedRelation = (typeof INVITED_RELATIONS)[number];

/** Someone invited to help (Art. 20), with the parties who consented to their presence. */
export interface InvitedParticipant {
  name: string;
  relation: InvitedRelation;
  consentOfPartyIds: string[];
  consentRecordedAt: string;
}

export interface ExpectedParticipants {
  partyIds: string[];
  agents: { partyId: string; name: string }[];
  /** Mediators of the case's panel (mediator ids). */
  panelMemberIds: string[];
  /** Registered interpreters (mediator ids). */
  interpreterIds: string[];
  invited: InvitedParticipant[];
}

/** Who came: one mark per expected participant key (party:<id>, mediator:<id>, agent:<partyId>:<n> ...). */
export interface AttendanceMark {
  key: string;
  present: boolean;
  note?: string;
}

/**
 * A mediation session of a case: when (UTC instants plus the zone it was booked in), where, who
 * is expected, and its record. Once the record is signed the row is read-only (database trigger).
 */
@Entity('mediation_session')
@Index(['caseId', 'number'], { unique: true })
@Index(['stationId', 'startsAt'])
export class MediationSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'station_id', type: 'uuid' })
  stationId: string;

  /** 1, 2, 3 ... within the case, as the record's heading says (第 N 次调解). */
  @Column({ type: 'integer' })
  number: number;

  @Column({ name: 'starts_at', type: TIMESTAMP })
  startsAt: Date;

  @Column({ name: 'ends_at', type: TIMESTAMP })
  endsAt: Date;

  /** IANA zone the session was booked in; calendars and reminders show its wall time. */
  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  room: string | null;

  @Column({ name: 'video_link', type: 'varchar', length: 500, nullable: true })
  videoLink: string | null;

  @Column({ type: 'varchar', length: 8 })
  publicity: 'public' | 'private';

  @Column({ name: 'private_reason', type: 'varchar', length: 20, nullable: true })
  privateReason: PrivateReason | null;

  /** BCP 47 tags of the languages spoken in the session. */
  @Column({ type: 'simple-json' })
  languages: string[];

  @Column({ type: 'simple-json' })
  participants: ExpectedParticipants;

  @Column({ type: 'simple-json', nullable: true })
  attendance: AttendanceMark[] | null;

  @Column({ type: 'varchar', length: 12 })
  status: SessionStatus;

  @Column({ name: 'cancellation_reason', type: 'varchar', length: 2000, nullable: true })
  cancellationReason: string | null;

  /** Bumped on every change, for calendar SEQUENCE. */
  @Column({ type: 'integer', default: 0 })
  revision: number;

  @Column({ name: 'signed_at', type: TIMESTAMP, nullable: true })
  signedAt: Date | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: TIMESTAMP })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: TIMESTAMP })
  updatedAt: Date;
}
