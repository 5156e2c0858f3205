import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Response } from 'express';
import { CurrentUser, Public, RequirePermission } from '../auth/access.decorators';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { IdParam } from '../common/validation/id-param';
import { AgreementVerification } from './agreement-verification.service';
import { AgreementsService } from './agreements.service';
import { AgreementCopies } from './agreement-copies.service';
import { listClauseKinds } from './clause-terms';
import { AgreementDraftDto, ConfirmationApplicationDto, SignatureDto } from './dto/agreement.dto';

export class ConfirmationWindowQueryDto {
  /** Windows closing within this many days. @example 7 */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(30)
  withinDays?: number;
}

export class CopyQueryDto {
  /** A third language for a trilingual copy. @example en */
  @IsOptional()
  @IsIn(['zh-CN', 'en', 'ar', 'fa', 'ur', 'hi', 'ru', 'fr', 'es', 'pt', 'ko', 'tr'])
  extraLanguage?: string;

  /** An archive copy (PDF/A-3b). */
  @IsOptional()
  @IsIn(['true', 'false'])
  archive?: 'true' | 'false';
}

@ApiTags('agreements')
@Controller('api/v1')
export class AgreementsController {
  constructor(
    private readonly agreements: AgreementsService,
    private readonly copies: AgreementCopies,
  ) {}

  /** The clause library: parameterised standard clauses written in all twelve languages. */
  @Get('agreements/clauses')
  @RequirePermission('agreement:read')
  clauses() {
    return listClauseKinds();
  }

  /** Agreements whose 30-day window for judicial confirmation (Art. 33) closes soon. */
  @Get('agreements/confirmation-windows')
  @RequirePermission('agreement:read')
  confirmationWindows(
    @Query() query: ConfirmationWindowQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.agreements.closingConfirmationWindows(query.withinDays ?? 7, user);
  }

  @Post('cases/:id/agreements')
  @RequirePermission('agreement:write')
  draft(
    @IdParam() id: string,
    @Body() dto: AgreementDraftDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.agreements.draft(id, dto, user);
  }

  @Get('cases/:id/agreements')
  @RequirePermission('agreement:read')
  listForCase(@IdParam() id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.agreements.listForCase(id, user);
  }

  @Get('agreements/:id')
  @RequirePermission('agreement:read')
  get(@IdParam() id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.agreements.get(id, user);
  }

  /** Replaces the draft; after issuing use /revise, which makes a new version. */
  @Put('agreements/:id/draft')
  @RequirePermission('agreement:write')
  updateDraft(
    @IdParam() id: string,
    @Body() dto: AgreementDraftDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.agreements.updateDraft(id, dto, user);
  }

  @Post('agreements/:id/revise')
  @RequirePermission('agreement:write')
  revise(
    @IdParam() id: string,
    @Body() dto: AgreementDraftDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.agreements.revise(id, dto, user);
  }

  /** Freezes the version; refused with 422 TRANSLATIONS_MISSING naming each gap. */
  @Post('agreements/:id/issue')
  @HttpCode(200)
  @RequirePermission('agreement:write')
  issue(@IdParam() id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.agreements.issue(id, user);
  }

  @Post('agreements/:id/signatures')
  @RequirePermission('agreement:sign')
  sign(@IdParam() id: string, @Body() dto: SignatureDto, @CurrentUser() user: AuthenticatedUser) {
    return this.agreements.sign(id, dto, user);
  }

  /**
   * Records the parties' joint application to the basic court for judicial confirmation (Art. 33):
   * once, for the effective version, on a day within its 30-day window (409
   * AGREEMENT_NOT_EFFECTIVE, 409 CONFIRMATION_ALREADY_APPLIED, 422 CONFIRMATION_OUTSIDE_WINDOW).
   */
  @Post('agreements/:id/confirmation-application')
  @HttpCode(200)
  @RequirePermission('agreement:write')
  recordConfirmationApplication(
    @IdParam() id: string,
    @Body() dto: ConfirmationApplicationDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.agreements.recordConfirmationApplication(id, dto, user);
  }

  /** A party's copy: Chinese and the party's language (or three languages), as PDF. */
  @Get('agreements/:id/copies/:partyId.pdf')
  @RequirePermission('document:render')
  async copy(
    @IdParam() id: string,
    @IdParam('partyId') partyId: string,
    @Query() query: CopyQueryDto,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const pdf = await this.copies.partyCopy(
      id,
      partyId,
      { extraLanguage: query.extraLanguage, archive: query.archive === 'true' },
      user,
    );
    res
      .status(200)
      .setHeader('Content-Type', 'application/pdf')
      .setHeader('Content-Disposition', `inline; filename="${pdf.filename}"`)
      .send(pdf.bytes);
  }
}

@ApiTags('agreements')
@Controller('api/v1/verify')
export class VerificationController {
  constructor(private readonly verification: AgreementVerification) {}

  /** Anyone holding a copy (a court clerk) checks it: agreement, version and parties' roles, no personal data. */
  @Public()
  @Get(':code')
  @ApiOkResponse({
    description:
      '{ valid, intact, state, caseNumber, version, issuedAt, effectiveAt, parties: [{ role, kind, initial }] }',
  })
  verify(@Param('code') code: string) {
    return this.verification.verify(code);
  }
}
