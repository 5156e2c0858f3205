import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TIMESTAMP } from '../database/column-types';

export const CONFLICT_KINDS = ['organisation', 'person'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/**
 * An organisation or person the mediator is related to (employer, relative, business partner):
 * a mediator with a personal interest must not mediate (2002 rules). Matched against parties by
 * id, credit code or name.
 */
@Entity('mediator_conflict')
@Index(['mediatorId'])
export class MediatorConflict {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'mediator_id', type: 'uuid' })
  mediatorId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: ConflictKind;

  @Column({ type: 'varchar', length: 300, nullable: true })
  name: string | null;

  @Column({ name: 'credit_code', type: 'varchar', length: 18, nullable: true })
  creditCode: string | null;

  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId: string | null;

  @Column({ name: 'person_id', type: 'uuid', nullable: true })
  personId: string | null;

  /** How they are related, in the declarant's words (e.g. "brother-in-law", "former employer"). */
  @Column({ type: 'varchar', length: 200 })
  relation: string;

  @CreateDateColumn({ name: 'created_at', type: TIMESTAMP })
  createdAt: Date;
}
