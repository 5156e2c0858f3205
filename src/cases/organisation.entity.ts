import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { TIMESTAMP } from '../database/column-types';

/** A company, workshop or other organisation that is a party; shared across cases. */
@Entity('organisation')
// (search_names, id): a name search scans this index alone, without reading the rows.
@Index(['searchNames', 'id'])
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'name_original', type: 'varchar', length: 300 })
  nameOriginal: string;

  @Column({ name: 'name_zh', type: 'varchar', length: 300, nullable: true })
  nameZh: string | null;

  @Column({ name: 'name_latin', type: 'varchar', length: 300, nullable: true })
  nameLatin: string | null;

  @Column({ name: 'search_names', type: 'varchar', length: 1200 })
  searchNames: string;

  /** GB 32100 unified social credit code, for organisations registered in China. */
  @Index({ unique: true })
  @Column({ name: 'credit_code', type: 'varchar', length: 18, nullable: true })
  creditCode: string | null;

  /** ISO 3166-1 alpha-2 country of registration. */
  @Column({ type: 'varchar', length: 2 })
  country: string;

  @Column({ name: 'legal_representative', type: 'varchar', length: 200, nullable: true })
  legalRepresentative: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  address: string | null;

  @CreateDateColumn({ name: 'created_at', type: TIMESTAMP })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: TIMESTAMP })
  updatedAt: Date;
}
