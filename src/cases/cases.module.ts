import { Module } from '@nestjs/common';
import { CaseFileService } from './case-file.service';
import { CaseIntake } from './case-intake.service';
import { CaseLifecycle } from './case-lifecycle.service';
import { CaseQueries } from './case-queries.service';
import { CasesController, PersonsController } from './cases.controller';
import { PersonsService } from './persons.service';

/**
 * Case intake: registering disputes with their parties, consent and documents, the lifecycle and
 * the case file. Other modules use CaseQueries (scoped reads), CaseLifecycle (state changes inside
 * their transaction), appendTimeline and CaseFileService.addContributor; they never write case rows.
 */
@Module({
  providers: [CaseIntake, CaseQueries, CaseLifecycle, CaseFileService, PersonsService],
  controllers: [CasesController, PersonsController],
  exports: [CaseQueries, CaseLifecycle, CaseFileService, CaseIntake],
})
export class CasesModule {}
