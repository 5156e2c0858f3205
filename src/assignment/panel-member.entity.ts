import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TIMESTAMP } from '../database/column-types';
import { PanelRole } from './match-types';

export const REMOVAL_REASONS = ['replaced', 'recused', 'withdrew'] as const;
export type RemovalReason = (typeof REMOVAL_REASONS)[number];

/**
 * A seat on a case's panel. Rows are never deleted: a member who leaves gets removed_at and a
 * reason, so the panel's history stays. The case scope of mediator accounts reads
 * (case_id, mediator_id, removed_at) — see cases/case-scope.ts.
 */
@Entity('panel_member')
@Index(['caseId', 'mediatorId', 'removedAt'])
@Index(['mediatorId', 'removedAt'])
export class PanelMember {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'mediator_id', type: 'uuid' })
  mediatorId: string;

  @Column({ type: 'varchar', length: 16 })
  role: PanelRole;

  @Column({ name: 'assigned_at', type: TIMESTAMP })
  assignedAt: Date;

  @Column({ name: 'assigned_by', type: 'varchar', length: 36, nullable: true })
  assignedBy: string | null;

  @Column({ name: 'removed_at', type: TIMESTAMP, nullable: true })
  removedAt: Date | null;

  @Column({ name: 'removal_reason', type: 'varchar', length: 24, nullable: true })
  removalReason: RemovalReason | null;

  @Column({ name: 'removal_note', type: 'varchar', length: 2000, nullable: true })
  removalNote: string | null;
}
