import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import {
  boolColumn,
  createdAtColumns,
  dropAppendOnly,
  idColumn,
  intColumn,
  makeAppendOnly,
  textColumn,
  timestampColumn,
  uuidColumn,
  varcharColumn,
} from '../migration-helpers';

/** Stations, accounts and the append-only audit trail. */
export class Platform1764000000000 implements MigrationInterface {
  name = 'Platform1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'station',
        columns: [
          idColumn(),
          varcharColumn('code', 32, { isUnique: true }),
          varcharColumn('name_zh', 200),
          varcharColumn('name_en', 200),
          varcharColumn('kind', 40),
          varcharColumn('county_code', 6),
          varcharColumn('address', 500, { default: "''" }),
          uuidColumn('parent_id', true),
          varcharColumn('case_number_format', 100),
          varcharColumn('timezone', 64, { default: "'Asia/Shanghai'" }),
          textColumn('panel_policy'),
          boolColumn('active', true),
          ...createdAtColumns(runner),
        ],
        foreignKeys: [
          {
            columnNames: ['parent_id'],
            referencedTableName: 'station',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          },
        ],
        indices: [{ columnNames: ['county_code'] }],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'app_user',
        columns: [
          idColumn(),
          varcharColumn('username', 64, { isUnique: true }),
          varcharColumn('display_name', 200),
          varcharColumn('password_hash', 100),
          varcharColumn('role', 16),
          uuidColumn('station_id', true),
          uuidColumn('mediator_id', true),
          varcharColumn('county_code', 6, { isNullable: true }),
          varcharColumn('preferred_language', 8, { default: "'zh-CN'" }),
          boolColumn('disabled', false),
          intColumn('failed_login_count', { default: 0 }),
          timestampColumn(runner, 'locked_until', { isNullable: true }),
          intColumn('token_version', { default: 0 }),
          ...createdAtColumns(runner),
        ],
        foreignKeys: [
          {
            columnNames: ['station_id'],
            referencedTableName: 'station',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'audit_entry',
        columns: [
          intColumn('seq', { isPrimary: true }),
          timestampColumn(runner, 'occurred_at'),
          varcharColumn('actor_id', 36, { isNullable: true }),
          varcharColumn('actor_username', 64, { isNullable: true }),
          varcharColumn('action', 64),
          varcharColumn('entity_type', 64),
          varcharColumn('entity_id', 64),
          textColumn('summary'),
          varcharColumn('request_id', 64, { isNullable: true }),
          varcharColumn('prev_hash', 64),
          varcharColumn('hash', 64),
        ],
        indices: [{ columnNames: ['entity_type', 'entity_id'] }],
      }),
    );
    await makeAppendOnly(runner, 'audit_entry');
    await runner.createTable(
      new Table({
        name: 'audit_chain_head',
        columns: [
          intColumn('id', { isPrimary: true }),
          intColumn('last_seq'),
          varcharColumn('last_hash', 64),
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('audit_chain_head');
    await dropAppendOnly(runner, 'audit_entry');
    await runner.dropTable('audit_entry');
    await runner.dropTable('app_user');
    await runner.dropTable('station');
  }
}
