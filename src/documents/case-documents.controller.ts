import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Response } from 'express';
import { documentLanguageOf, partyNameIn, snapshotParties } from '../agreements/agreement-parties';
import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { partyNotFound } from '../cases/case-errors';
import { CaseQueries } from '../cases/case-queries.service';
import { IdParam } from '../common/validation/id-param';
import { I18nService } from '../i18n/i18n.service';
import { SUPPORTED_LANGUAGES, SupportedLanguage } from '../i18n/languages';
import { CaseDocuments, RenderedDocument } from './case-documents.service';
import { renderRightsNotice } from './rights-notice-pdf';

export class NoticeQueryDto {
  /** The language besides Chinese; by default the party's first preferred language. @example ar */
  @IsOptional()
  @IsIn(SUPPORTED_LANGUAGES)
  language?: SupportedLanguage;
}

export class CaseFileQueryDto {
  /** An archive copy (PDF/A-3b). */
  @IsOptional()
  @IsIn(['true', 'false'])
  archive?: 'true' | 'false';
}

function sendPdf(res: Response, document: RenderedDocument): void {
  res
    .status(200)
    .setHeader('Content-Type', 'application/pdf')
    .setHeader('Content-Disposition', `inline; filename="${document.filename}"`)
    .send(document.bytes);
}

/** Printable documents of a case other than the agreement. */
@ApiTags('documents')
@Controller('api/v1/cases')
export class CaseDocumentsController {
  constructor(
    private readonly cases: CaseQueries,
    private readonly i18n: I18nService,
    private readonly documents: CaseDocuments,
  ) {}

  /** Which documents the case has now (session records, termination notices, confirmation applications) and their addresses. */
  @Get(':id/documents')
  @RequirePermission('case:read')
  available(@IdParam() id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.documents.available(id, user);
  }

  /** The case file (卷宗): cover, index with page numbers, then every document in order. */
  @Get(':id/documents/case-file.pdf')
  @RequirePermission('case:read')
  @ApiProduces('application/pdf')
  async caseFile(
    @IdParam() id: string,
    @Query() query: CaseFileQueryDto,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    sendPdf(
      res,
      await this.documents.caseFile(
        id,
        { archive: query.archive === 'true', coverOnly: false },
        user,
      ),
    );
  }

  /** The case file's cover and index (卷宗封面, 卷内目录), numbered as in the whole file. */
  @Get(':id/documents/case-file-cover.pdf')
  @RequirePermission('case:read')
  @ApiProduces('application/pdf')
  async caseFileCover(
    @IdParam() id: string,
    @Query() query: CaseFileQueryDto,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    sendPdf(
      res,
      await this.documents.caseFile(
        id,
        { archive: query.archive === 'true', coverOnly: true },
        user,
      ),
    );
  }

  /** A party's copy of a session record (调解笔录), in Chinese and the party's language. */
  @Get(':id/documents/session-records/:sessionId/:partyId.pdf')
  @RequirePermission('document:render')
  @ApiProduces('application/pdf')
  async sessionRecord(
    @IdParam() id: string,
    @IdParam('sessionId') sessionId: string,
    @IdParam('partyId') partyId: string,
    @Query() query: NoticeQueryDto,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    sendPdf(res, await this.documents.sessionRecord(id, sessionId, partyId, query.language, user));
  }

  /** A party's termination notice (终止调解告知书, Art. 26) for the session that ended mediation. */
  @Get(':id/documents/termination-notices/:sessionId/:partyId.pdf')
  @RequirePermission('document:render')
  @ApiProduces('application/pdf')
  async terminationNotice(
    @IdParam() id: string,
    @IdParam('sessionId') sessionId: string,
    @IdParam('partyId') partyId: string,
    @Query() query: NoticeQueryDto,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    sendPdf(
      res,
      await this.documents.terminationNotice(id, sessionId, partyId, query.language, user),
    );
  }

  /** A party's copy of the joint application for judicial confirmation (司法确认申请书, Art. 33). */
  @Get(':id/documents/judicial-confirmation/:agreementId/:partyId.pdf')
  @RequirePermission('document:render')
  @ApiProduces('application/pdf')
  async judicialConfirmation(
    @IdParam() id: string,
    @IdParam('agreementId') agreementId: string,
    @IdParam('partyId') partyId: string,
    @Query() query: NoticeQueryDto,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    sendPdf(
      res,
      await this.documents.confirmationApplication(id, agreementId, partyId, query.language, user),
    );
  }

  /** The notice of rights and duties for one party, in Chinese and the party's language. */
  @Get(':id/parties/:partyId/rights-notice.pdf')
  @RequirePermission('document:render')
  @ApiProduces('application/pdf')
  async rightsNotice(
    @IdParam() id: string,
    @IdParam('partyId') partyId: string,
    @Query() query: NoticeQueryDto,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const found = await this.cases.load(id, user);
    const party = found.parties?.find((p) => p.id === partyId);
    if (!party) throw partyNotFound(partyId);
    const language = query.language ?? documentLanguageOf(party);
    const [snapshot] = snapshotParties([party], { [party.id]: language });
    const station = found.station!;
    const pdf = await renderRightsNotice(
      {
        committee: { nameZh: station.nameZh, nameEn: station.nameEn },
        caseNumber: found.caseNumber,
        party: { name: (l) => partyNameIn(snapshot, l), role: party.role },
        languages: [...new Set<SupportedLanguage>(['zh-CN', language])],
        documentDate: found.createdAt,
      },
      (key, params, lng) => this.i18n.translate(key, params, lng),
    );
    res
      .status(200)
      .setHeader('Content-Type', 'application/pdf')
      .setHeader(
        'Content-Disposition',
        `inline; filename="rights-notice-${party.position}-${language}.pdf"`,
      )
      .send(pdf);
  }
}
