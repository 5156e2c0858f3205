import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TIMESTAMP } from '../database/column-types';

export const CHOICE_KINDS = ['nominated', 'refused', 'recused', 'withdrew'] as const;
export type ChoiceKind = (typeof CHOICE_KINDS)[number];

/**
 * A party's choice about a mediator in one case (Art. 19, 23; recusal in the 2002 rules): a
 * nomination, a refusal, a recusal — or a mediator's own withdrawal over a conflict. Refused,
 * recused and withdrawn mediators are never suggested for the case again.
 */
@Entity('case_mediator_choice')
@Index(['caseId'])
export class CaseMediatorChoice {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'mediator_id', type: 'uuid' })
  mediatorId: string;

  @Column({ name: 'party_id', type: 'uuid', nullable: true })
  partyId: string | null;

  @Column({ type: 'varchar', length: 24 })
  kind: ChoiceKind;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  reason: string | null;

  @Column({ type: TIMESTAMP })
  at: Date;

  @Column({ name: 'recorded_by', type: 'varchar', length: 36, nullable: true })
  recordedBy: string | null;
}
