import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Last case sequence used per station and year; its row lock keeps numbers gapless. */
@Entity('case_number_counter')
export class CaseNumberCounter {
  @PrimaryColumn({ name: 'station_id', type: 'uuid' })
  stationId: string;

  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ name: 'last_sequence', type: 'integer' })
  lastSequence: number;
}
