import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { MultilingualText } from '../common/multilingual-text/multilingual-text';
import { TIMESTAMP } from '../database/column-types';
import { PerformanceResult } from './session-outcome-rules';

export const SATISFACTION_LEVELS = ['satisfied', 'neutral', 'dissatisfied'] as const;
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];

/** A follow-up visit (回访) on an agreement's performance (Art. 31). Append-only. */
@Entity('follow_up_visit')
@Index(['caseId', 'visitedOn'])
export class FollowUpVisit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  /** The agreement-reached outcome this visit follows up. */
  @Column({ name: 'outcome_id', type: 'uuid' })
  outcomeId: string;

  @Column({ name: 'visited_on', type: 'date' })
  visitedOn: string;

  @Column({ name: 'visited_by', type: 'simple-json' })
  visitedBy: { name: string; mediatorId?: string };

  @Column({ type: 'varchar', length: 8 })
  performance: PerformanceResult;

  @Column({ type: 'simple-json' })
  satisfaction: { partyId: string; level: SatisfactionLevel }[];

  @Column({ name: 'went_to_court', type: 'boolean' })
  wentToCourt: boolean;

  @Column({ type: 'simple-json', nullable: true })
  notes: MultilingualText | null;

  @Column({ name: 'recorded_by', type: 'varchar', length: 36, nullable: true })
  recordedBy: string | null;

  @Column({ name: 'recorded_at', type: TIMESTAMP })
  recordedAt: Date;
}
