import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import {
  createdAtColumns,
  dateColumn,
  dropAppendOnly,
  idColumn,
  intColumn,
  makeAppendOnly,
  textColumn,
  timestampColumn,
  uuidColumn,
  varcharColumn,
} from '../migration-helpers';

/** Mediation agreements, their versions and signatures (signatures are append-only). */
export class Agreements1764000400000 implements MigrationInterface {
  name = 'Agreements1764000400000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'agreement',
        columns: [
          idColumn(),
          uuidColumn('case_id'),
          intColumn('current_version'),
          varcharColumn('created_by', 36, { isNullable: true }),
          dateColumn('confirmation_applied_on', true),
          varcharColumn('confirmation_court', 200, { isNullable: true }),
          ...createdAtColumns(runner),
        ],
        foreignKeys: [
          {
            columnNames: ['case_id'],
            referencedTableName: 'mediation_case',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          },
        ],
        indices: [{ columnNames: ['case_id'] }],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'agreement_version',
        columns: [
          idColumn(),
          uuidColumn('agreement_id'),
          intColumn('version'),
          varcharColumn('state', 12),
          textColumn('content'),
          textColumn('amounts'),
          varcharColumn('content_hash', 64, { isNullable: true }),
          varcharColumn('verification_code', 16, { isNullable: true }),
          timestampColumn(runner, 'issued_at', { isNullable: true }),
          varcharColumn('issued_by', 36, { isNullable: true }),
          timestampColumn(runner, 'effective_at', { isNullable: true }),
          createdAtColumns(runner)[0],
        ],
        foreignKeys: [
          {
            columnNames: ['agreement_id'],
            referencedTableName: 'agreement',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          },
        ],
        indices: [
          { columnNames: ['agreement_id', 'version'], isUnique: true },
          { columnNames: ['verification_code'], isUnique: true },
          { columnNames: ['effective_at'] },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'agreement_signature',
        columns: [
          idColumn(),
          uuidColumn('version_id'),
          varcharColumn('signer_kind', 12),
          varcharColumn('signer_ref', 64),
          varcharColumn('method', 16),
          timestampColumn(runner, 'signed_at'),
          uuidColumn('scan_attachment_id', true),
          varcharColumn('recorded_by', 36, { isNullable: true }),
        ],
        foreignKeys: [
          {
            columnNames: ['version_id'],
            referencedTableName: 'agreement_version',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          },
        ],
        indices: [{ columnNames: ['version_id', 'signer_kind', 'signer_ref'], isUnique: true }],
      }),
    );
    await makeAppendOnly(runner, 'agreement_signature');
  }

  async down(runner: QueryRunner): Promise<void> {
    await dropAppendOnly(runner, 'agreement_signature');
    await runner.dropTable('agreement_signature');
    await runner.dropTable('agreement_version');
    await runner.dropTable('agreement');
  }
}
