import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { AssignmentController } from './assignment.controller';
import { AssignmentService } from './assignment.service';
import { PanelService } from './panel.service';
import { StationRosters } from './station-rosters';

/**
 * Case assignment: suggestions, panels and parties' rights over mediators. Reads the mediator
 * registry and cases (through CaseQueries, scoped); moves a case to mediating only through
 * CaseLifecycle; owns panel_member and case_mediator_choice.
 */
@Module({
  imports: [CasesModule],
  providers: [AssignmentService, PanelService, StationRosters],
  controllers: [AssignmentController],
  exports: [PanelService],
})
export class AssignmentModule {}
