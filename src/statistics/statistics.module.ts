import { Module } from '@nestjs/common';
import { CaseExportService } from './case-export.service';
import { CaseFactsLoader } from './case-facts.loader';
import { StatisticsController } from './statistics.controller';
import { StatisticsService } from './statistics.service';

/**
 * Statistics for committees and county justice bureaus (issue 7). Reads cases, transitions,
 * parties, panels, sessions and agreements; writes nothing.
 */
@Module({
  controllers: [StatisticsController],
  providers: [CaseFactsLoader, CaseExportService, StatisticsService],
})
export class StatisticsModule {}
