import {
  Column,
  CreateDateColumn,
  Entity,
  ManyToOne,
  JoinColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { TIMESTAMP } from '../database/column-types';

export const STATION_KINDS = ['immigration_service_station', 'mediation_committee'] as const;
export type StationKind = (typeof STATION_KINDS)[number];

/** What a panel needs before it may mediate a case of this station (issue: mediators and assignment). */
export interface PanelPolicy {
  /** A case with a foreign party needs at least one staff mediator on the panel. */
  staffMediatorForForeignParty: boolean;
  /** Every party's language is spoken by a panel member or covered by an interpreter. */
  everyPartyLanguageCovered: boolean;
  /** Most mediators (lead + co-mediators) a panel may have. */
  maxMediators: number;
}

export const DEFAULT_PANEL_POLICY: PanelPolicy = {
  staffMediatorForForeignParty: true,
  everyPartyLanguageCovered: true,
  maxMediators: 3,
};

/**
 * An immigration service station (移民事务服务站) or a people's mediation committee
 * (人民调解委员会). Cases are registered at a station; a station may sit under a committee.
 */
@Entity('station')
export class Station {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Short stable code, also used in case numbers, e.g. YW-JC. */
  @Column({ type: 'varchar', length: 32, unique: true })
  code: string;

  @Column({ name: 'name_zh', type: 'varchar', length: 200 })
  nameZh: string;

  @Column({ name: 'name_en', type: 'varchar', length: 200 })
  nameEn: string;

  @Column({ type: 'varchar', length: 40 })
  kind: StationKind;

  /** GB/T 2260 county-level code of where the station sits; bureaus see stations by it. */
  @Column({ name: 'county_code', type: 'varchar', length: 6 })
  countyCode: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  address: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Station, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Station | null;

  /**
   * Case number layout: {year} is the year received, {seq:N} the per-station, per-year sequence
   * padded to N digits. Example: （{year}）义金外调字第{seq:4}号.
   */
  @Column({ name: 'case_number_format', type: 'varchar', length: 100 })
  caseNumberFormat: string;

  @Column({ type: 'varchar', length: 64, default: 'Asia/Shanghai' })
  timezone: string;

  @Column({ name: 'panel_policy', type: 'simple-json' })
  panelPolicy: PanelPolicy;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: TIMESTAMP })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: TIMESTAMP })
  updatedAt: Date;
}
