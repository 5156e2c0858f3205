import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TIMESTAMP } from '../database/column-types';
import { ResourceKind } from './booking-conflict-detector';

/**
 * One resource (a mediator, an interpreter, a room) held by a non-cancelled session. Derived from
 * the session: rescheduling replaces the rows, cancelling deletes them, so overlap checks read one
 * narrow indexed table.
 */
@Entity('session_booking')
@Index(['resourceKey', 'startsAt'])
@Index(['sessionId'])
export class SessionBooking {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @Column({ name: 'resource_key', type: 'varchar', length: 300 })
  resourceKey: string;

  @Column({ name: 'resource_kind', type: 'varchar', length: 12 })
  resourceKind: ResourceKind;

  @Column({ name: 'starts_at', type: TIMESTAMP })
  startsAt: Date;

  @Column({ name: 'ends_at', type: TIMESTAMP })
  endsAt: Date;
}
