import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TIMESTAMP } from '../database/column-types';

/** A period (inclusive dates) in which the mediator takes no new cases. */
@Entity('mediator_leave')
@Index(['mediatorId', 'endsOn'])
export class MediatorLeave {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'mediator_id', type: 'uuid' })
  mediatorId: string;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @CreateDateColumn({ name: 'created_at', type: TIMESTAMP })
  createdAt: Date;
}
