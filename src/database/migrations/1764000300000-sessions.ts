import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import {
  boolColumn,
  createdAtColumns,
  dateColumn,
  dropAppendOnly,
  idColumn,
  intColumn,
  isPostgresRunner,
  makeAppendOnly,
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

const APPEND_ONLY = ['session_signature', 'session_outcome', 'follow_up_visit'];

/**
 * Sessions and records: scheduled sessions and the resources they book, the session record
 * (entries, signatures), outcomes and follow-up visits. Signed evidence is protected in the
 * database too: entries of a signed record and a signed session row refuse UPDATE and DELETE.
 */
export class Sessions1764000300000 implements MigrationInterface {
  name = 'Sessions1764000300000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'mediation_session',
        columns: [
          idColumn(),
          uuidColumn('case_id'),
          uuidColumn('station_id'),
          intColumn('number'),
          timestampColumn(runner, 'starts_at'),
          timestampColumn(runner, 'ends_at'),
          varcharColumn('time_zone', 64),
          varcharColumn('room', 200, { isNullable: true }),
          varcharColumn('video_link', 500, { isNullable: true }),
          varcharColumn('publicity', 8),
          varcharColumn('private_reason', 20, { isNullable: true }),
          textColumn('languages'),
          textColumn('participants'),
          textColumn('attendance', true),
          varcharColumn('status', 12),
          varcharColumn('cancellation_reason', 2000, { isNullable: true }),
          intColumn('revision', { default: 0 }),
          timestampColumn(runner, 'signed_at', { isNullable: true }),
          varcharColumn('created_by', 36, { isNullable: true }),
          ...createdAtColumns(runner),
        ],
        foreignKeys: [
          cascadeTo('case_id', 'mediation_case'),
          { ...cascadeTo('station_id', 'station'), onDelete: 'RESTRICT' },
        ],
        indices: [
          { columnNames: ['case_id', 'number'], isUnique: true },
          { columnNames: ['station_id', 'starts_at'] },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'session_booking',
        columns: [
          idColumn(),
          uuidColumn('session_id'),
          varcharColumn('resource_key', 300),
          varcharColumn('resource_kind', 12),
          timestampColumn(runner, 'starts_at'),
          timestampColumn(runner, 'ends_at'),
        ],
        foreignKeys: [cascadeTo('session_id', 'mediation_session')],
        indices: [{ columnNames: ['resource_key', 'starts_at'] }, { columnNames: ['session_id'] }],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'session_record_entry',
        columns: [
          idColumn(),
          uuidColumn('session_id'),
          uuidColumn('case_id'),
          intColumn('ordinal'),
          textColumn('speaker'),
          textColumn('text'),
          textColumn('shown_attachment_ids'),
          uuidColumn('corrects_entry_id', true),
          boolColumn('after_signing', false),
          varcharColumn('created_by', 36, { isNullable: true }),
          createdAtColumns(runner)[0],
          timestampColumn(runner, 'edited_at', { isNullable: true }),
        ],
        foreignKeys: [
          cascadeTo('session_id', 'mediation_session'),
          { ...cascadeTo('corrects_entry_id', 'session_record_entry'), onDelete: 'RESTRICT' },
        ],
        indices: [{ columnNames: ['session_id', 'ordinal'], isUnique: true }],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'session_signature',
        columns: [
          idColumn(),
          uuidColumn('session_id'),
          varcharColumn('signer_kind', 12),
          uuidColumn('party_id', true),
          uuidColumn('mediator_id', true),
          varcharColumn('name', 200),
          varcharColumn('method', 16),
          uuidColumn('scan_attachment_id', true),
          timestampColumn(runner, 'signed_at'),
        ],
        foreignKeys: [cascadeTo('session_id', 'mediation_session')],
        indices: [{ columnNames: ['session_id'] }],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'session_outcome',
        columns: [
          idColumn(),
          { ...uuidColumn('session_id'), isUnique: true },
          uuidColumn('case_id'),
          varcharColumn('kind', 20),
          textColumn('details'),
          dateColumn('performance_deadline', true),
          varcharColumn('recorded_by', 36, { isNullable: true }),
          timestampColumn(runner, 'recorded_at'),
        ],
        foreignKeys: [cascadeTo('session_id', 'mediation_session')],
        indices: [{ columnNames: ['case_id'] }, { columnNames: ['kind', 'performance_deadline'] }],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'follow_up_visit',
        columns: [
          idColumn(),
          uuidColumn('case_id'),
          uuidColumn('outcome_id'),
          dateColumn('visited_on'),
          textColumn('visited_by'),
          varcharColumn('performance', 8),
          textColumn('satisfaction'),
          boolColumn('went_to_court'),
          textColumn('notes', true),
          varcharColumn('recorded_by', 36, { isNullable: true }),
          timestampColumn(runner, 'recorded_at'),
        ],
        foreignKeys: [
          cascadeTo('case_id', 'mediation_case'),
          { ...cascadeTo('outcome_id', 'session_outcome'), onDelete: 'RESTRICT' },
        ],
        indices: [{ columnNames: ['case_id', 'visited_on'] }],
      }),
    );
    for (const table of APPEND_ONLY) await makeAppendOnly(runner, table);
    await this.protectSignedRecords(runner);
  }

  /** Entries of a signed record, and a signed session, can be neither changed nor deleted. */
  private async protectSignedRecords(runner: QueryRunner): Promise<void> {
    if (isPostgresRunner(runner)) {
      await runner.query(`CREATE OR REPLACE FUNCTION refuse_signed_record_entry() RETURNS trigger AS $$
        BEGIN
          IF EXISTS (SELECT 1 FROM mediation_session s WHERE s.id = OLD.session_id AND s.signed_at IS NOT NULL) THEN
            RAISE EXCEPTION 'session_record_entry of a signed record is read-only';
          END IF;
          IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
          RETURN NEW;
        END; $$ LANGUAGE plpgsql`);
      await runner.query(`CREATE TRIGGER session_record_entry_signed BEFORE UPDATE OR DELETE ON session_record_entry
        FOR EACH ROW EXECUTE FUNCTION refuse_signed_record_entry()`);
      await runner.query(`CREATE OR REPLACE FUNCTION refuse_signed_session() RETURNS trigger AS $$
        BEGIN RAISE EXCEPTION 'mediation_session with a signed record is read-only'; END; $$ LANGUAGE plpgsql`);
      await runner.query(`CREATE TRIGGER mediation_session_signed BEFORE UPDATE OR DELETE ON mediation_session
        FOR EACH ROW WHEN (OLD.signed_at IS NOT NULL) EXECUTE FUNCTION refuse_signed_session()`);
    } else {
      for (const op of ['UPDATE', 'DELETE']) {
        await runner.query(`CREATE TRIGGER session_record_entry_signed_${op.toLowerCase()} BEFORE ${op} ON session_record_entry
          WHEN (SELECT signed_at FROM mediation_session WHERE id = OLD.session_id) IS NOT NULL
          BEGIN SELECT RAISE(ABORT, 'session_record_entry of a signed record is read-only'); END`);
        await runner.query(`CREATE TRIGGER mediation_session_signed_${op.toLowerCase()} BEFORE ${op} ON mediation_session
          WHEN OLD.signed_at IS NOT NULL
          BEGIN SELECT RAISE(ABORT, 'mediation_session with a signed record is read-only'); END`);
      }
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    if (isPostgresRunner(runner)) {
      await runner.query(
        'DROP TRIGGER IF EXISTS session_record_entry_signed ON session_record_entry',
      );
      await runner.query('DROP FUNCTION IF EXISTS refuse_signed_record_entry()');
      await runner.query('DROP TRIGGER IF EXISTS mediation_session_signed ON mediation_session');
      await runner.query('DROP FUNCTION IF EXISTS refuse_signed_session()');
    } else {
      for (const op of ['update', 'delete']) {
        await runner.query(`DROP TRIGGER IF EXISTS session_record_entry_signed_${op}`);
        await runner.query(`DROP TRIGGER IF EXISTS mediation_session_signed_${op}`);
      }
    }
    for (const table of APPEND_ONLY) await dropAppendOnly(runner, table);
    for (const table of [
      'follow_up_visit',
      'session_outcome',
      'session_signature',
      'session_record_entry',
      'session_booking',
      'mediation_session',
    ]) {
      await runner.dropTable(table);
    }
  }
}
