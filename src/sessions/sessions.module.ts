import { Module, OnModuleInit } from '@nestjs/common';
import { CaseFileService } from '../cases/case-file.service';
import { CasesModule } from '../cases/cases.module';
import { CaseFileItem } from '../cases/case-file';
import { FollowUpVisit } from './follow-up-visit.entity';
import { MediationSession } from './mediation-session.entity';
import { SessionCalendar } from './session-calendar.service';
import { SessionOutcomes } from './session-outcomes.service';
import { SessionRecordService } from './session-record.service';
import { SessionScheduler } from './session-scheduler.service';
import { FollowUpsController, SessionsController } from './sessions.controller';
import { Not, IsNull } from 'typeorm';

/**
 * Sessions and records: scheduling without double bookings, the signed multilingual record,
 * outcomes, follow-up visits, calendars and reminders. Reads cases through CaseQueries (scoped),
 * changes case state only through CaseLifecycle, and reads (never writes) the panel and mediators.
 */
@Module({
  imports: [CasesModule],
  providers: [SessionScheduler, SessionRecordService, SessionOutcomes, SessionCalendar],
  controllers: [SessionsController, FollowUpsController],
})
export class SessionsModule implements OnModuleInit {
  constructor(private readonly caseFile: CaseFileService) {}

  onModuleInit(): void {
    this.caseFile.addContributor(async (manager, mediationCase) => {
      const items: CaseFileItem[] = [];
      const signed = await manager
        .getRepository(MediationSession)
        .exists({ where: { caseId: mediationCase.id, signedAt: Not(IsNull()) } });
      if (signed) items.push('session_record');
      if (
        await manager.getRepository(FollowUpVisit).exists({ where: { caseId: mediationCase.id } })
      )
        items.push('follow_up_record');
      return items;
    });
  }
}
