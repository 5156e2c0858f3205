import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TIMESTAMP } from '../database/column-types';

/**
 * One write, as evidence: who did what to which record, when, in which request. Append-only:
 * database triggers refuse UPDATE and DELETE, and each entry carries the hash of the previous one.
 */
@Entity('audit_entry')
export class AuditEntry {
  /** Position in the chain, from 1, without gaps. */
  @PrimaryColumn({ type: 'integer' })
  seq: number;

  @Column({ name: 'occurred_at', type: TIMESTAMP })
  occurredAt: Date;

  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_username', type: 'varchar', length: 64, nullable: true })
  actorUsername: string | null;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 64 })
  entityType: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 64 })
  entityId: string;

  /** A summary of the change: changed field names and non-personal values, never identity numbers. */
  @Column({ type: 'text' })
  summary: string;

  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash: string;

  @Column({ type: 'varchar', length: 64 })
  hash: string;
}

/** The chain's tip, one row; locking it serialises appends across app instances on PostgreSQL. */
@Entity('audit_chain_head')
export class AuditChainHead {
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'last_seq', type: 'integer' })
  lastSeq: number;

  @Column({ name: 'last_hash', type: 'varchar', length: 64 })
  lastHash: string;
}
