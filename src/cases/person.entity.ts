import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { encryptedTransformer } from '../common/personal-data/field-encryption';
import { TIMESTAMP } from '../database/column-types';

export const IDENTITY_DOCUMENT_TYPES = [
  'passport',
  'permanent_residence_id',
  'resident_id',
] as const;
export type IdentityDocumentType = (typeof IDENTITY_DOCUMENT_TYPES)[number];
export const SEXES = ['female', 'male', 'unspecified'] as const;
export type Sex = (typeof SEXES)[number];

/**
 * A natural person, shared across cases so that the same merchant or worker is not registered
 * twice. Identity document and phone numbers are encrypted at rest and found by keyed hash.
 */
@Entity('person')
// (search_names, id): a name search scans this index alone, without reading the rows.
@Index(['searchNames', 'id'])
export class Person {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The name as the person writes it, in their own script (أحمد الحسن, Иван Петров, 张三). */
  @Column({ name: 'name_original', type: 'varchar', length: 200 })
  nameOriginal: string;

  @Column({ name: 'name_latin', type: 'varchar', length: 200, nullable: true })
  nameLatin: string | null;

  @Column({ name: 'name_zh', type: 'varchar', length: 200, nullable: true })
  nameZh: string | null;

  /** Lower-cased, accent-folded forms of every name and the pinyin of the Chinese one, for search. */
  @Column({ name: 'search_names', type: 'varchar', length: 1000 })
  searchNames: string;

  @Column({ type: 'varchar', length: 12 })
  sex: Sex;

  @Column({ name: 'birth_year', type: 'integer', nullable: true })
  birthYear: number | null;

  /** ISO 3166-1 alpha-2; CN for Chinese citizens. */
  @Index()
  @Column({ type: 'varchar', length: 2 })
  nationality: string;

  /** GB/T 2260 county code of a Chinese citizen's home (户籍) region: what native-place matching uses. */
  @Index()
  @Column({ name: 'home_region_code', type: 'varchar', length: 6, nullable: true })
  homeRegionCode: string | null;

  @Column({ type: 'simple-json' })
  dialects: string[];

  @Column({ name: 'ethnic_group', type: 'varchar', length: 40, nullable: true })
  ethnicGroup: string | null;

  @Column({ name: 'id_document_type', type: 'varchar', length: 30, nullable: true })
  idDocumentType: IdentityDocumentType | null;

  @Column({
    name: 'id_document_number',
    type: 'text',
    nullable: true,
    transformer: encryptedTransformer,
  })
  idDocumentNumber: string | null;

  @Index()
  @Column({ name: 'id_document_hash', type: 'varchar', length: 64, nullable: true })
  idDocumentHash: string | null;

  /** Issuing country of a passport. */
  @Column({ name: 'id_document_country', type: 'varchar', length: 2, nullable: true })
  idDocumentCountry: string | null;

  @Column({ type: 'text', nullable: true, transformer: encryptedTransformer })
  phone: string | null;

  @Index()
  @Column({ name: 'phone_hash', type: 'varchar', length: 64, nullable: true })
  phoneHash: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  address: string | null;

  /** BCP 47 tags, most preferred first. */
  @Column({ name: 'preferred_languages', type: 'simple-json' })
  preferredLanguages: string[];

  @Column({ name: 'needs_interpreter', type: 'boolean', default: false })
  needsInterpreter: boolean;

  @Column({ type: 'varchar', length: 100, nullable: true })
  occupation: string | null;

  @CreateDateColumn({ name: 'created_at', type: TIMESTAMP })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: TIMESTAMP })
  updatedAt: Date;
}
