import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { MultilingualText } from '../common/multilingual-text/multilingual-text';
import { TIMESTAMP } from '../database/column-types';
import { AgreementForm, LegalRoute, OutcomeKind } from './session-outcome-rules';

export interface OutcomeDetails {
  /** Adjourned: the session it continues in, if already scheduled. */
  nextSessionId?: string | null;
  agreementForm?: AgreementForm;
  /** The agreed terms; an oral agreement (Art. 28) is recorded here. */
  terms?: MultilingualText | null;
  /** Terminated (Art. 26): the routes the parties were told of. */
  routesExplained?: LegalRoute[];
  withdrawingPartyId?: string;
  reason?: MultilingualText | null;
}

/** How a session ended. One per session, append-only; an agreement keeps its performance deadline. */
@Entity('session_outcome')
@Index(['caseId'])
@Index(['kind', 'performanceDeadline'])
export class SessionOutcome {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'session_id', type: 'uuid', unique: true })
  sessionId: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'varchar', length: 20 })
  kind: OutcomeKind;

  /** Kind-specific facts: agreement form and terms, routes explained, withdrawing party ... */
  @Column({ type: 'simple-json' })
  details: OutcomeDetails;

  @Column({ name: 'performance_deadline', type: 'date', nullable: true })
  performanceDeadline: string | null;

  @Column({ name: 'recorded_by', type: 'varchar', length: 36, nullable: true })
  recordedBy: string | null;

  @Column({ name: 'recorded_at', type: TIMESTAMP })
  recordedAt: Date;
}
