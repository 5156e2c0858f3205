import { MigrationInterface, QueryRunner, Table, TableForeignKey } from 'typeorm';
import {
  createdAtColumns,
  dateColumn,
  idColumn,
  intColumn,
  textColumn,
  timestampColumn,
  uuidColumn,
  varcharColumn,
} from '../migration-helpers';

const cascadeTo = (column: string, table: string) => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete: 'CASCADE',
});

/**
 * The mediator registry (mediators, the stations they serve, leave periods, declared conflicts)
 * and case assignment (panel members; parties' nominations, refusals and recusals).
 */
export class Mediators1764000200000 implements MigrationInterface {
  name = 'Mediators1764000200000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'mediator',
        columns: [
          idColumn(),
          varcharColumn('kind', 16),
          textColumn('roles'),
          varcharColumn('name_original', 200),
          varcharColumn('name_latin', 200, { isNullable: true }),
          varcharColumn('name_zh', 200, { isNullable: true }),
          varcharColumn('sex', 12),
          varcharColumn('nationality', 2),
          textColumn('languages'),
          varcharColumn('language_codes', 200),
          varcharColumn('home_region_code', 6, { isNullable: true }),
          textColumn('dialects'),
          textColumn('specialties'),
          intColumn('capacity'),
          varcharColumn('status', 12),
          ...createdAtColumns(runner),
        ],
        indices: [
          { columnNames: ['status'] },
          { columnNames: ['kind'] },
          { columnNames: ['home_region_code'] },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'mediator_station',
        columns: [
          { ...uuidColumn('station_id'), isPrimary: true },
          { ...uuidColumn('mediator_id'), isPrimary: true },
        ],
        foreignKeys: [cascadeTo('mediator_id', 'mediator'), cascadeTo('station_id', 'station')],
        indices: [{ columnNames: ['mediator_id'] }],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'mediator_leave',
        columns: [
          idColumn(),
          uuidColumn('mediator_id'),
          dateColumn('starts_on'),
          dateColumn('ends_on'),
          varcharColumn('reason', 500, { isNullable: true }),
          createdAtColumns(runner)[0],
        ],
        foreignKeys: [cascadeTo('mediator_id', 'mediator')],
        indices: [{ columnNames: ['mediator_id', 'ends_on'] }],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'mediator_conflict',
        columns: [
          idColumn(),
          uuidColumn('mediator_id'),
          varcharColumn('kind', 16),
          varcharColumn('name', 300, { isNullable: true }),
          varcharColumn('credit_code', 18, { isNullable: true }),
          uuidColumn('organisation_id', true),
          uuidColumn('person_id', true),
          varcharColumn('relation', 200),
          createdAtColumns(runner)[0],
        ],
        foreignKeys: [cascadeTo('mediator_id', 'mediator')],
        indices: [{ columnNames: ['mediator_id'] }],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'panel_member',
        columns: [
          idColumn(),
          uuidColumn('case_id'),
          uuidColumn('mediator_id'),
          varcharColumn('role', 16),
          timestampColumn(runner, 'assigned_at'),
          varcharColumn('assigned_by', 36, { isNullable: true }),
          timestampColumn(runner, 'removed_at', { isNullable: true }),
          varcharColumn('removal_reason', 24, { isNullable: true }),
          varcharColumn('removal_note', 2000, { isNullable: true }),
        ],
        foreignKeys: [
          cascadeTo('case_id', 'mediation_case'),
          { ...cascadeTo('mediator_id', 'mediator'), onDelete: 'RESTRICT' },
        ],
        // The case scope of mediator accounts reads (case_id, mediator_id, removed_at); workload
        // counts read by mediator.
        indices: [
          { columnNames: ['case_id', 'mediator_id', 'removed_at'] },
          { columnNames: ['mediator_id', 'removed_at'] },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'case_mediator_choice',
        columns: [
          idColumn(),
          uuidColumn('case_id'),
          uuidColumn('mediator_id'),
          uuidColumn('party_id', true),
          varcharColumn('kind', 24),
          varcharColumn('reason', 2000, { isNullable: true }),
          timestampColumn(runner, 'at'),
          varcharColumn('recorded_by', 36, { isNullable: true }),
        ],
        foreignKeys: [
          cascadeTo('case_id', 'mediation_case'),
          { ...cascadeTo('mediator_id', 'mediator'), onDelete: 'RESTRICT' },
        ],
        indices: [{ columnNames: ['case_id'] }],
      }),
    );
    // A mediator account points at its profile. On SQLite TypeORM rebuilds app_user for this.
    await runner.createForeignKey(
      'app_user',
      new TableForeignKey({
        columnNames: ['mediator_id'],
        referencedTableName: 'mediator',
        referencedColumnNames: ['id'],
        onDelete: 'RESTRICT',
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    const users = await runner.getTable('app_user');
    const foreignKey = users?.foreignKeys.find((fk) => fk.columnNames.includes('mediator_id'));
    if (foreignKey) await runner.dropForeignKey('app_user', foreignKey);
    for (const table of [
      'case_mediator_choice',
      'panel_member',
      'mediator_conflict',
      'mediator_leave',
      'mediator_station',
      'mediator',
    ]) {
      await runner.dropTable(table);
    }
  }
}
