import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { Response } from 'express';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { IdParam } from '../common/validation/id-param';
import {
  FollowUpDto,
  FollowUpsDueQueryDto,
  RemindersQueryDto,
  SessionOutcomeDto,
} from './dto/session-outcome.dto';
import {
  AttendanceDto,
  EditRecordEntryDto,
  RecordEntryDto,
  SignRecordDto,
} from './dto/session-record.dto';
import { ScheduleSessionDto, UpdateSessionDto } from './dto/schedule-session.dto';
import { SessionCalendar } from './session-calendar.service';
import { SessionOutcomes } from './session-outcomes.service';
import { SessionRecordService } from './session-record.service';
import { SessionScheduler } from './session-scheduler.service';

@ApiTags('sessions')
@Controller('api/v1/cases/:id/sessions')
export class SessionsController {
  constructor(
    private readonly scheduler: SessionScheduler,
    private readonly records: SessionRecordService,
    private readonly outcomes: SessionOutcomes,
  ) {}

  /** Schedules a session; 409 BOOKING_CONFLICT names a mediator, interpreter or room already booked. */
  @Post()
  @RequirePermission('session:write')
  schedule(
    @IdParam() id: string,
    @Body() dto: ScheduleSessionDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.scheduler.schedule(id, dto, user);
  }

  @Get()
  @RequirePermission('session:read')
  list(@IdParam() id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.scheduler.list(id, user);
  }

  @Get(':sessionId')
  @RequirePermission('session:read')
  get(
    @IdParam() id: string,
    @IdParam('sessionId') sessionId: string,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.scheduler.get(id, sessionId, user);
  }

  /** Reschedules (time, zone, room, video link) or cancels (status: cancelled, with a reason). */
  @Patch(':sessionId')
  @RequirePermission('session:write')
  update(
    @IdParam() id: string,
    @IdParam('sessionId') sessionId: string,
    @Body() dto: UpdateSessionDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.scheduler.update(id, sessionId, dto, user);
  }

  @Get(':sessionId/record')
  @RequirePermission('session:read')
  record(
    @IdParam() id: string,
    @IdParam('sessionId') sessionId: string,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.records.record(id, sessionId, user);
  }

  /** Adds an entry; once the record is signed only a correction (correctsEntryId) is accepted. */
  @Post(':sessionId/record/entries')
  @RequirePermission('session:write')
  addEntry(
    @IdParam() id: string,
    @IdParam('sessionId') sessionId: string,
    @Body() dto: RecordEntryDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.records.addEntry(id, sessionId, dto, user);
  }

  /** Edits an entry of an unsigned record; 409 RECORD_SIGNED once signed. */
  @Patch(':sessionId/record/entries/:entryId')
  @RequirePermission('session:write')
  editEntry(
    @IdParam() id: string,
    @IdParam('sessionId') sessionId: string,
    @IdParam('entryId') entryId: string,
    @Body() dto: EditRecordEntryDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.records.editEntry(id, sessionId, entryId, dto, user);
  }

  /** Deletes an entry of an unsigned record; 409 RECORD_SIGNED once signed. */
  @Delete(':sessionId/record/entries/:entryId')
  @RequirePermission('session:write')
  deleteEntry(
    @IdParam() id: string,
    @IdParam('sessionId') sessionId: string,
    @IdParam('entryId') entryId: string,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.records.deleteEntry(id, sessionId, entryId, user);
  }

  @Put(':sessionId/record/attendance')
  @RequirePermission('session:write')
  attendance(
    @IdParam() id: string,
    @IdParam('sessionId') sessionId: string,
    @Body() dto: AttendanceDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.records.recordAttendance(id, sessionId, dto, user);
  }

  /** Signs the record: it becomes read-only. */
  @Post(':sessionId/record/signatures')
  @HttpCode(200)
  @RequirePermission('session:write')
  sign(
    @IdParam() id: string,
    @IdParam('sessionId') sessionId: string,
    @Body() dto: SignRecordDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.records.sign(id, sessionId, dto, user);
  }

  /** Records how the session ended; agreement, termination and withdrawal move the case. */
  @Post(':sessionId/outcome')
  @RequirePermission('session:write')
  outcome(
    @IdParam() id: string,
    @IdParam('sessionId') sessionId: string,
    @Body() dto: SessionOutcomeDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.outcomes.recordOutcome(id, sessionId, dto, user);
  }
}

@ApiTags('sessions')
@Controller('api/v1')
export class FollowUpsController {
  constructor(
    private readonly outcomes: SessionOutcomes,
    private readonly calendar: SessionCalendar,
  ) {}

  /** A follow-up visit (回访): fully performed → performed, not performed → not_performed. */
  @Post('cases/:id/follow-ups')
  @RequirePermission('followup:write')
  followUp(
    @IdParam() id: string,
    @Body() dto: FollowUpDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.outcomes.followUp(id, dto, user);
  }

  @Get('cases/:id/follow-ups')
  @RequirePermission('session:read')
  followUps(@IdParam() id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.outcomes.followUps(id, user);
  }

  /** Agreements whose performance deadline has passed without a follow-up visit. */
  @Get('follow-ups/due')
  @RequirePermission('session:read')
  due(@Query() query: FollowUpsDueQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return this.outcomes.due(user, query.asOf);
  }

  /** Today's sessions, cases near the one-month limit and follow-ups due. */
  @Get('reminders/today')
  @RequirePermission('session:read')
  today(@Query() query: RemindersQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return this.calendar.today(user, query.mediatorId);
  }

  /** The mediator's sessions as an iCalendar (RFC 5545) feed; a mediator may fetch only their own. */
  @Get('mediators/:mediatorId/calendar.ics')
  @RequirePermission('session:read')
  @ApiProduces('text/calendar')
  async calendarFeed(
    @IdParam('mediatorId') mediatorId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ) {
    const feed = await this.calendar.feed(mediatorId, user);
    // Set only on success: an error keeps its JSON body and type.
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', 'inline; filename="sessions.ics"');
    return feed;
  }
}
