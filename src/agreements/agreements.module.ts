import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { AgreementCopies } from './agreement-copies.service';
import { AgreementVerification } from './agreement-verification.service';
import { AgreementsController, VerificationController } from './agreements.controller';
import { AgreementsService } from './agreements.service';

/**
 * Mediation agreements: drafting from the clause library, versions, signatures, the 30-day
 * confirmation window, bilingual PDF copies and public verification. Reads cases through
 * CaseQueries and moves them only through CaseLifecycle.
 */
@Module({
  imports: [CasesModule],
  providers: [AgreementsService, AgreementCopies, AgreementVerification],
  controllers: [AgreementsController, VerificationController],
  exports: [AgreementsService],
})
export class AgreementsModule {}
