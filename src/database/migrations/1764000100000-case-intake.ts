import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import {
  bigintColumn,
  binaryColumn,
  boolColumn,
  createdAtColumns,
  dateColumn,
  idColumn,
  intColumn,
  textColumn,
  timestampColumn,
  uuidColumn,
  varcharColumn,
} from '../migration-helpers';

/** People, organisations, cases and their parties, the case timeline, numbering and the case file. */
export class CaseIntake1764000100000 implements MigrationInterface {
  name = 'CaseIntake1764000100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'person',
        columns: [
          idColumn(),
          varcharColumn('name_original', 200),
          varcharColumn('name_latin', 200, { isNullable: true }),
          varcharColumn('name_zh', 200, { isNullable: true }),
          varcharColumn('search_names', 1000),
          varcharColumn('sex', 12),
          intColumn('birth_year', { isNullable: true }),
          varcharColumn('nationality', 2),
          varcharColumn('home_region_code', 6, { isNullable: true }),
          textColumn('dialects'),
          varcharColumn('ethnic_group', 40, { isNullable: true }),
          varcharColumn('id_document_type', 30, { isNullable: true }),
          textColumn('id_document_number', true),
          varcharColumn('id_document_hash', 64, { isNullable: true }),
          varcharColumn('id_document_country', 2, { isNullable: true }),
          textColumn('phone', true),
          varcharColumn('phone_hash', 64, { isNullable: true }),
          varcharColumn('address', 500, { isNullable: true }),
          textColumn('preferred_languages'),
          boolColumn('needs_interpreter', false),
          varcharColumn('occupation', 100, { isNullable: true }),
          ...createdAtColumns(runner),
        ],
        indices: [
          { columnNames: ['search_names'] },
          { columnNames: ['nationality'] },
          { columnNames: ['home_region_code'] },
          { columnNames: ['id_document_hash'] },
          { columnNames: ['phone_hash'] },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'organisation',
        columns: [
          idColumn(),
          varcharColumn('name_original', 300),
          varcharColumn('name_zh', 300, { isNullable: true }),
          varcharColumn('name_latin', 300, { isNullable: true }),
          varcharColumn('search_names', 1200),
          varcharColumn('credit_code', 18, { isNullable: true }),
          varcharColumn('country', 2),
          varcharColumn('legal_representative', 200, { isNullable: true }),
          varcharColumn('address', 500, { isNullable: true }),
          ...createdAtColumns(runner),
        ],
        indices: [
          { columnNames: ['search_names'] },
          { columnNames: ['credit_code'], isUnique: true },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'mediation_case',
        columns: [
          idColumn(),
          varcharColumn('case_number', 80, { isUnique: true }),
          uuidColumn('station_id'),
          intColumn('year'),
          intColumn('sequence'),
          varcharColumn('source', 32),
          dateColumn('received_on'),
          varcharColumn('dispute_type', 32),
          textColumn('tags'),
          bigintColumn('amount_minor', { isNullable: true }),
          varcharColumn('currency', 3, { isNullable: true }),
          textColumn('account'),
          textColumn('requests'),
          boolColumn('risk_of_escalation', false),
          textColumn('police_report', true),
          intColumn('persons_at_risk', { default: 0 }),
          varcharColumn('state', 24),
          timestampColumn(runner, 'accepted_at', { isNullable: true }),
          timestampColumn(runner, 'due_at', { isNullable: true }),
          timestampColumn(runner, 'concluded_at', { isNullable: true }),
          timestampColumn(runner, 'closed_at', { isNullable: true }),
          varcharColumn('created_by', 36, { isNullable: true }),
          intColumn('version'),
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
        uniques: [{ columnNames: ['station_id', 'year', 'sequence'] }],
        indices: [
          { columnNames: ['station_id', 'received_on'] },
          { columnNames: ['state', 'due_at'] },
          { columnNames: ['dispute_type'] },
          { columnNames: ['state'] },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'case_party',
        columns: [
          idColumn(),
          uuidColumn('case_id'),
          varcharColumn('role', 16),
          intColumn('position'),
          uuidColumn('person_id', true),
          uuidColumn('organisation_id', true),
          textColumn('agents'),
          varcharColumn('consent', 12, { default: "'pending'" }),
          timestampColumn(runner, 'consent_at', { isNullable: true }),
          varcharColumn('consent_method', 20, { isNullable: true }),
          varcharColumn('refusal_reason', 1000, { isNullable: true }),
          timestampColumn(runner, 'rights_notice_at', { isNullable: true }),
          varcharColumn('rights_notice_language', 16, { isNullable: true }),
          createdAtColumns(runner)[0],
        ],
        foreignKeys: [
          {
            columnNames: ['case_id'],
            referencedTableName: 'mediation_case',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            columnNames: ['person_id'],
            referencedTableName: 'person',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          },
          {
            columnNames: ['organisation_id'],
            referencedTableName: 'organisation',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          },
        ],
        indices: [
          { columnNames: ['case_id'] },
          { columnNames: ['person_id'] },
          { columnNames: ['organisation_id'] },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'case_transition',
        columns: [
          idColumn(),
          uuidColumn('case_id'),
          varcharColumn('event', 40),
          varcharColumn('from_state', 24, { isNullable: true }),
          varcharColumn('to_state', 24, { isNullable: true }),
          varcharColumn('actor_id', 36, { isNullable: true }),
          varcharColumn('actor_name', 200, { isNullable: true }),
          timestampColumn(runner, 'at'),
          varcharColumn('reason', 2000, { isNullable: true }),
          textColumn('details'),
          intColumn('ordinal'),
        ],
        foreignKeys: [
          {
            columnNames: ['case_id'],
            referencedTableName: 'mediation_case',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [{ columnNames: ['case_id', 'at'] }],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'case_number_counter',
        columns: [
          { ...uuidColumn('station_id'), isPrimary: true },
          intColumn('year', { isPrimary: true }),
          intColumn('last_sequence'),
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
        name: 'case_attachment',
        columns: [
          idColumn(),
          uuidColumn('case_id'),
          uuidColumn('party_id', true),
          varcharColumn('kind', 32),
          varcharColumn('filename', 255),
          varcharColumn('media_type', 40),
          intColumn('size_bytes'),
          varcharColumn('sha256', 64),
          binaryColumn(runner, 'content'),
          varcharColumn('uploaded_by', 36, { isNullable: true }),
          timestampColumn(runner, 'uploaded_at'),
        ],
        foreignKeys: [
          {
            columnNames: ['case_id'],
            referencedTableName: 'mediation_case',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [{ columnNames: ['case_id', 'kind'] }],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'case_attachment',
      'case_number_counter',
      'case_transition',
      'case_party',
      'mediation_case',
      'organisation',
      'person',
    ]) {
      await runner.dropTable(table);
    }
  }
}
