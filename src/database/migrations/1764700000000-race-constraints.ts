import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the agreements service keeps under concurrency (TransactionRunner on SQLite, row locks on
 * PostgreSQL), the schema now refuses too: one agreement per case, and one live (not superseded)
 * version per agreement. A plain and a partial unique index, the same SQL on SQLite and
 * PostgreSQL. (Case numbers are unique per station and year since the case-intake migration.)
 */
export class RaceConstraints1764700000000 implements MigrationInterface {
  name = 'RaceConstraints1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    // The unique index replaces the plain one on agreement.case_id.
    const agreement = await runner.getTable('agreement');
    for (const index of agreement?.indices ?? [])
      if (!index.isUnique && index.columnNames.join() === 'case_id')
        await runner.query(`DROP INDEX "${index.name}"`);
    await runner.query('CREATE UNIQUE INDEX "UQ_agreement_case" ON "agreement" ("case_id")');
    await runner.query(
      `CREATE UNIQUE INDEX "UQ_agreement_version_live" ON "agreement_version" ("agreement_id") WHERE "state" <> 'superseded'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX "UQ_agreement_version_live"');
    await runner.query('DROP INDEX "UQ_agreement_case"');
    await runner.query('CREATE INDEX "IDX_agreement_case_id" ON "agreement" ("case_id")');
  }
}
