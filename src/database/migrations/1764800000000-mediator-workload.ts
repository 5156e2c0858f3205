import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { intColumn } from '../migration-helpers';

/**
 * Each mediator's count of open cases on which they hold a seat, kept up to date by the panel and
 * lifecycle writes (mediators/mediator-workload.ts). Counting it at read time meant joining every
 * open case to its panel seats: about a second per suggestion at county scale.
 */
export class MediatorWorkload1764800000000 implements MigrationInterface {
  name = 'MediatorWorkload1764800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn(
      'mediator',
      new TableColumn(intColumn('active_case_count', { default: 0, isNullable: false })),
    );
    // Open states as of this migration: registered, accepted, mediating.
    await runner.query(
      `UPDATE mediator SET active_case_count = (
         SELECT COUNT(*) FROM panel_member pm
         JOIN mediation_case c ON c.id = pm.case_id
         WHERE pm.mediator_id = mediator.id AND pm.removed_at IS NULL
           AND c.state IN ('registered', 'accepted', 'mediating'))`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('mediator', 'active_case_count');
  }
}
