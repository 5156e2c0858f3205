import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { TIMESTAMP } from '../database/column-types';
import { DisputeType } from '../reference/dispute-types';

export const MEDIATOR_KINDS = ['foreign', 'native_place', 'staff', 'lawyer', 'volunteer'] as const;
export type MediatorKind = (typeof MEDIATOR_KINDS)[number];
export const MEDIATOR_ROLES = ['mediator', 'interpreter'] as const;
export type MediatorRole = (typeof MEDIATOR_ROLES)[number];
export const LANGUAGE_LEVELS = ['native', 'fluent', 'working'] as const;
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];
export const MEDIATOR_STATUSES = ['active', 'inactive'] as const;
export type MediatorStatus = (typeof MEDIATOR_STATUSES)[number];
export const MEDIATOR_SEXES = ['female', 'male', 'unspecified'] as const;
export type MediatorSex = (typeof MEDIATOR_SEXES)[number];

export interface SpokenLanguage {
  /** BCP 47 tag; matching compares primary subtags. */
  tag: string;
  level: LanguageLevel;
}

/**
 * A person who mediates or interprets for a committee: a foreign mediator (以外调外), a
 * native-place mediator (乡音娘舅), a staff mediator, a volunteer lawyer. Interpreters are
 * registered the same way, with the interpreter role.
 */
@Entity('mediator')
export class Mediator {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'varchar', length: 16 })
  kind: MediatorKind;

  @Column({ type: 'simple-json' })
  roles: MediatorRole[];

  /** The name in the mediator's own script (أحمد منصور, Ким Ирина, 龙光荣). */
  @Column({ name: 'name_original', type: 'varchar', length: 200 })
  nameOriginal: string;

  @Column({ name: 'name_latin', type: 'varchar', length: 200, nullable: true })
  nameLatin: string | null;

  @Column({ name: 'name_zh', type: 'varchar', length: 200, nullable: true })
  nameZh: string | null;

  @Column({ type: 'varchar', length: 12 })
  sex: MediatorSex;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'varchar', length: 2 })
  nationality: string;

  @Column({ type: 'simple-json' })
  languages: SpokenLanguage[];

  /** Primary subtags between bars (|ar|en|), kept in step with `languages` for the list filter. */
  @Column({ name: 'language_codes', type: 'varchar', length: 200 })
  languageCodes: string;

  /** GB/T 2260 county code of a native-place mediator's home. */
  @Index()
  @Column({ name: 'home_region_code', type: 'varchar', length: 6, nullable: true })
  homeRegionCode: string | null;

  @Column({ type: 'simple-json' })
  dialects: string[];

  @Column({ type: 'simple-json' })
  specialties: DisputeType[];

  /** The most active cases this mediator takes at once. */
  @Column({ type: 'integer' })
  capacity: number;

  @Index()
  @Column({ type: 'varchar', length: 12 })
  status: MediatorStatus;

  /**
   * Open cases on which this mediator holds a seat, maintained by the writes that change it
   * (mediator-workload.ts) so that suggestions need not count panel seats of every open case.
   */
  @Column({ name: 'active_case_count', type: 'integer', default: 0 })
  activeCaseCount: number;

  @CreateDateColumn({ name: 'created_at', type: TIMESTAMP })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: TIMESTAMP })
  updatedAt: Date;
}

export const languageCodesOf = (languages: SpokenLanguage[]): string =>
  `|${[...new Set(languages.map((l) => l.tag.split('-')[0].toLowerCase()))].join('|')}|`;
