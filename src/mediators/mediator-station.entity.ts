import { Entity, Index, PrimaryColumn } from 'typeorm';

/** A station a mediator serves; suggestions load a station's mediators through this table. */
@Entity('mediator_station')
@Index(['mediatorId'])
export class MediatorStation {
  @PrimaryColumn({ name: 'station_id', type: 'uuid' })
  stationId: string;

  @PrimaryColumn({ name: 'mediator_id', type: 'uuid' })
  mediatorId: string;
}
