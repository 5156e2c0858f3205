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
import { renderRightsNotice } from './rights-notice-pdf';

export class NoticeQueryDto {
  /** The language besides Chinese; by default the party's first preferred language. @example ar */
  @IsOptional()
  @IsIn(SUPPORTED_LANGUAGES)
  language?: SupportedLanguage;
}

/** Printable documents of a case other than the agreement. */
@ApiTags('documents')
@Controller('api/v1/cases')
export class CaseDocumentsController {
  constructor(
    private readonly cases: CaseQueries,
    private readonly i18n: I18nService,
  ) {}

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
