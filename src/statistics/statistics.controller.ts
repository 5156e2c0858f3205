import { Controller, Get, Logger, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { I18nService } from '../i18n/i18n.service';
import { DEFAULT_LANGUAGE } from '../i18n/languages';
import { STATISTICS_DEFINITIONS } from './definitions';
import { StatisticsExportQueryDto, StatisticsQueryDto } from './dto/statistics-query.dto';
import { monthlyReportXlsx, reportCsv, reportXlsx } from './report-exports';
import { reportPdf } from './report-pdf';
import { StatisticsService } from './statistics.service';
import { CaseExportService } from './case-export.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CASE_EXPORT_DESCRIPTION =
  "Cases received (date of receipt) in the period, within the caller's scope. Names reduced to their first character and identity numbers to their last 4; a bureau gets no names and no identity numbers. Rows stream page by page (keyset on received_on, id).";

/** The bureau's and committees' figures for a period, within the caller's data scope. */
@ApiTags('statistics')
@Controller('api/v1/statistics')
export class StatisticsController {
  private readonly logger = new Logger('Statistics');

  constructor(
    private readonly statistics: StatisticsService,
    private readonly i18n: I18nService,
    private readonly caseExport: CaseExportService,
  ) {}

  @Get('report')
  @RequirePermission('statistics:read')
  @ApiOperation({ summary: 'The report of a period', description: STATISTICS_DEFINITIONS })
  async report(@Query() query: StatisticsQueryDto, @CurrentUser() user: AuthenticatedUser) {
    const loaded = await this.statistics.load(query, user);
    return this.statistics.view(loaded, query.lang ?? this.i18n.currentLanguage());
  }

  @Get('report.pdf')
  @RequirePermission('statistics:read')
  @ApiOperation({
    summary: 'The report as a printable PDF with charts (Chinese unless lang; RTL for ar, fa, ur)',
    description: `Title, period, scope and generation time; the measures; bars by dispute type, nationality, home province and mediator kind; accepted against settled by month; the definitions in short.\n\n${STATISTICS_DEFINITIONS}`,
  })
  @ApiProduces('application/pdf')
  async reportPdf(
    @Query() query: StatisticsQueryDto,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const loaded = await this.statistics.load(query, user);
    const language = query.lang ?? DEFAULT_LANGUAGE;
    const file = await reportPdf({
      report: loaded.report,
      stations: loaded.stations,
      language,
      t: this.statistics.translate,
      scope: await this.statistics.scopeText(loaded, user, language),
      generatedAt: new Date(),
    });
    const { from, to } = loaded.report.period;
    res
      .status(200)
      .setHeader('Content-Type', 'application/pdf')
      .setHeader('Content-Disposition', `attachment; filename="statistics-${from}-${to}.pdf"`)
      .send(file);
  }

  @Get('export')
  @RequirePermission('statistics:export')
  @ApiOperation({
    summary: 'The report as CSV, XLSX or the monthly report layout (Chinese unless lang)',
    description: STATISTICS_DEFINITIONS,
  })
  @ApiProduces('text/csv', XLSX)
  async export(
    @Query() query: StatisticsExportQueryDto,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const loaded = await this.statistics.load(query, user);
    const ctx = {
      report: loaded.report,
      stations: loaded.stations,
      language: query.lang ?? DEFAULT_LANGUAGE,
      t: this.statistics.translate,
    };
    const name = `statistics-${loaded.report.period.from}-${loaded.report.period.to}`;
    if (query.format === 'csv') {
      res
        .status(200)
        .setHeader('Content-Type', 'text/csv; charset=utf-8')
        .setHeader('Content-Disposition', `attachment; filename="${name}.csv"`)
        .send(reportCsv(ctx));
      return;
    }
    const monthly = query.format === 'monthly';
    const file = monthly ? await monthlyReportXlsx(ctx) : await reportXlsx(ctx);
    res
      .status(200)
      .setHeader('Content-Type', XLSX)
      .setHeader(
        'Content-Disposition',
        `attachment; filename="${monthly ? 'monthly-' : ''}${name}.xlsx"`,
      )
      .send(file);
  }

  @Get('cases.csv')
  @RequirePermission('statistics:export')
  @ApiOperation({
    summary: 'One row per case received in the period, personal data minimised',
    description: CASE_EXPORT_DESCRIPTION,
  })
  @ApiProduces('text/csv')
  async cases(
    @Query() query: StatisticsQueryDto,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const request = this.caseExportRequest(query, user);
    const chunks = this.caseExport.csv(request)[Symbol.asyncIterator]();
    // The header line and the first page before the status: a failure there is still an
    // ordinary error answer.
    const first = [await chunks.next(), await chunks.next()];
    res
      .status(200)
      .setHeader('Content-Type', 'text/csv; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="${this.casesFile(request)}.csv"`);
    await this.streaming(res, async () => {
      // Write as the pages come and wait for the socket to drain: memory stays flat.
      for (let next = first.shift() ?? (await chunks.next()); !next.done; ) {
        if (!res.write(next.value)) await new Promise((resolve) => res.once('drain', resolve));
        next = first.shift() ?? (await chunks.next());
      }
      res.end();
    });
  }

  @Get('cases.xlsx')
  @RequirePermission('statistics:export')
  @ApiOperation({
    summary: 'The case-level export as a streamed XLSX workbook (frozen header row)',
    description: CASE_EXPORT_DESCRIPTION,
  })
  @ApiProduces(XLSX)
  async casesXlsx(
    @Query() query: StatisticsQueryDto,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const request = this.caseExportRequest(query, user);
    res
      .status(200)
      .setHeader('Content-Type', XLSX)
      .setHeader('Content-Disposition', `attachment; filename="${this.casesFile(request)}.xlsx"`);
    // The workbook writer ends the response when the workbook is committed.
    await this.streaming(res, () => this.caseExport.xlsx(request, res));
  }

  /**
   * Runs a streamed answer. Once the status and part of the file are out, a failure can no longer
   * become an error answer: the connection is cut, so the client sees a failed download rather
   * than waiting forever or keeping a truncated file that looks whole; the error is logged.
   */
  private async streaming(res: Response, write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      this.logger.error(error);
      res.destroy(error as Error);
    }
  }

  private caseExportRequest(query: StatisticsQueryDto, user: AuthenticatedUser) {
    return {
      period: this.statistics.resolvePeriod(query),
      narrowing: { stationId: query.stationId, countyCode: query.countyCode },
      user,
      language: query.lang ?? DEFAULT_LANGUAGE,
      t: this.statistics.translate,
    };
  }

  private casesFile(request: { period: { from: string; to: string } }) {
    return `cases-${request.period.from}-${request.period.to}`;
  }
}
