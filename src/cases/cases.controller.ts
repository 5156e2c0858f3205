import {
  Body,
  Controller,
  Get,
  HttpCode,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { IdParam } from '../common/validation/id-param';
import { MAX_ATTACHMENT_BYTES } from './attachment-type';
import { CaseFileService, UploadedDocument } from './case-file.service';
import { CaseIntake } from './case-intake.service';
import { CaseLifecycle } from './case-lifecycle.service';
import { CaseQueries } from './case-queries.service';
import { AttachmentDto } from './dto/attachment.dto';
import { CaseQueryDto } from './dto/case-query.dto';
import { ConsentDto } from './dto/party.dto';
import { PersonMatchDto } from './dto/person-match.dto';
import { RegisterCaseDto } from './dto/register-case.dto';
import { RightsNoticeDto, TransitionDto } from './dto/transition.dto';
import { PersonsService } from './persons.service';

@ApiTags('cases')
@Controller('api/v1/cases')
export class CasesController {
  constructor(
    private readonly intake: CaseIntake,
    private readonly queries: CaseQueries,
    private readonly lifecycle: CaseLifecycle,
    private readonly caseFile: CaseFileService,
  ) {}

  /** Registers a dispute with its parties; the case gets its number in the station's format. */
  @Post()
  @RequirePermission('case:register')
  register(@Body() dto: RegisterCaseDto, @CurrentUser() user: AuthenticatedUser) {
    return this.intake.register(dto, user);
  }

  /** Finds cases in the caller's scope; `overdue=true` lists those past the one-month limit. */
  @Get()
  @RequirePermission('case:read')
  search(@Query() query: CaseQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return this.queries.search(query, user);
  }

  @Get(':id')
  @RequirePermission('case:read')
  get(@IdParam() id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.queries.get(id, user);
  }

  @Get(':id/timeline')
  @RequirePermission('case:read')
  timeline(@IdParam() id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.lifecycle.timeline(id, user);
  }

  /** Moves the case on; an illegal step answers 409 ILLEGAL_TRANSITION with the allowed next states. */
  @Post(':id/transitions')
  @HttpCode(200)
  @RequirePermission('case:transition')
  transition(
    @IdParam() id: string,
    @Body() dto: TransitionDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.lifecycle.transitionByHand(id, dto.to, dto.reason, user);
  }

  /** Records a party's consent; a refusal ends the case as refused (Art. 17). */
  @Post(':id/parties/:partyId/consent')
  @HttpCode(200)
  @RequirePermission('case:update')
  consent(
    @IdParam() id: string,
    @IdParam('partyId') partyId: string,
    @Body() dto: ConsentDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.lifecycle.recordConsent(id, partyId, dto, user);
  }

  /** Records delivery of the notice of rights and duties to a party. */
  @Post(':id/parties/:partyId/rights-notice')
  @HttpCode(200)
  @RequirePermission('case:update')
  rightsNotice(
    @IdParam() id: string,
    @IdParam('partyId') partyId: string,
    @Body() dto: RightsNoticeDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.lifecycle.recordRightsNotice(id, partyId, dto, user);
  }

  /** The case-file checklist: each required and optional document, present or missing. */
  @Get(':id/file')
  @RequirePermission('case:read')
  file(@IdParam() id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.caseFile.checklist(id, user);
  }

  @Get(':id/attachments')
  @RequirePermission('case:read')
  attachments(@IdParam() id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.caseFile.list(id, user);
  }

  /** PDF, JPEG or PNG up to 10 MB; the type is read from the content. */
  @Post(':id/attachments')
  @RequirePermission('case:attach')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        kind: { type: 'string' },
        partyId: { type: 'string' },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES + 1, files: 1 } }),
  )
  attach(
    @IdParam() id: string,
    @Body() dto: AttachmentDto,
    @UploadedFile() file: UploadedDocument | undefined,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.caseFile.attach(id, dto, file, user);
  }

  @Get(':id/attachments/:attachmentId')
  @RequirePermission('case:read')
  async download(
    @IdParam() id: string,
    @IdParam('attachmentId') attachmentId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const attachment = await this.caseFile.download(id, attachmentId, user);
    res
      .status(200)
      .setHeader('Content-Type', attachment.mediaType)
      .setHeader(
        'Content-Disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
      )
      .setHeader('X-Content-SHA256', attachment.sha256)
      .send(attachment.content);
  }
}

@ApiTags('cases')
@Controller('api/v1/persons')
export class PersonsController {
  constructor(private readonly persons: PersonsService) {}

  /** People already on file who may be the person being registered, with what matched. */
  @Post('matches')
  @HttpCode(200)
  @RequirePermission('case:register')
  match(@Body() dto: PersonMatchDto) {
    return this.persons.match(dto);
  }
}
