import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { TIMESTAMP } from '../database/column-types';
import { Station } from '../stations/station.entity';
import { Role } from './roles';

/** A person who signs in: a station clerk, a mediator, a county bureau officer or an administrator. */
@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  username: string;

  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 100 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  /** Clerks are bound to one station. */
  @Column({ name: 'station_id', type: 'uuid', nullable: true })
  stationId: string | null;

  @ManyToOne(() => Station, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'station_id' })
  station?: Station | null;

  /** Mediator accounts are linked to a mediator profile. */
  @Column({ name: 'mediator_id', type: 'uuid', nullable: true })
  mediatorId: string | null;

  /** Bureau accounts are bound to a GB/T 2260 region code (county, prefecture or province). */
  @Column({ name: 'county_code', type: 'varchar', length: 6, nullable: true })
  countyCode: string | null;

  @Column({ name: 'preferred_language', type: 'varchar', length: 8, default: 'zh-CN' })
  preferredLanguage: string;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  @Column({ name: 'failed_login_count', type: 'integer', default: 0 })
  failedLoginCount: number;

  @Column({ name: 'locked_until', type: TIMESTAMP, nullable: true })
  lockedUntil: Date | null;

  /** Bumped when a password changes or an admin disables the account: older tokens stop working. */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion: number;

  @CreateDateColumn({ name: 'created_at', type: TIMESTAMP })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: TIMESTAMP })
  updatedAt: Date;
}
