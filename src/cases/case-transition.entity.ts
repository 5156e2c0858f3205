import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { JsonObject } from '../common/json';
import { TIMESTAMP } from '../database/column-types';

/**
 * One step of a case's history: a state change, or an event that leaves the state as it is
 * (consent recorded, notice delivered, a mediator recused). Together they are the case timeline.
 */
@Entity('case_transition')
@Index(['caseId', 'at'])
export class CaseTransition {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  /** The event, e.g. state_changed, consent_recorded, rights_notice_delivered, panel_assigned. */
  @Column({ type: 'varchar', length: 40 })
  event: string;

  @Column({ name: 'from_state', type: 'varchar', length: 24, nullable: true })
  fromState: string | null;

  @Column({ name: 'to_state', type: 'varchar', length: 24, nullable: true })
  toState: string | null;

  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_name', type: 'varchar', length: 200, nullable: true })
  actorName: string | null;

  @Column({ type: TIMESTAMP })
  at: Date;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  reason: string | null;

  /** Event details (party id, language, mediator id ...); no identity numbers. */
  @Column({ type: 'simple-json' })
  details: JsonObject;

  /** Insertion order within the case, so events in the same millisecond keep their order. */
  @Column({ type: 'integer' })
  ordinal: number;
}
