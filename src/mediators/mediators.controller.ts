import { Body, Controller, Delete, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { IdParam } from '../common/validation/id-param';
import { DeclaredConflictDto, LeavePeriodDto } from './dto/leave-and-conflict.dto';
import { CreateMediatorDto, UpdateMediatorDto } from './dto/mediator.dto';
import { MediatorQueryDto } from './dto/mediator-query.dto';
import { MediatorsService } from './mediators.service';

@ApiTags('mediators')
@Controller('api/v1/mediators')
export class MediatorsController {
  constructor(private readonly mediators: MediatorsService) {}

  /** Mediators and interpreters in the caller's scope, filtered by station, kind, language, region, status. */
  @Get()
  @RequirePermission('mediator:read')
  list(@Query() query: MediatorQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return this.mediators.list(query, user);
  }

  @Get(':id')
  @RequirePermission('mediator:read')
  get(@IdParam() id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.mediators.get(id, user);
  }

  @Post()
  @RequirePermission('mediator:manage')
  create(@Body() dto: CreateMediatorDto, @CurrentUser() user: AuthenticatedUser) {
    return this.mediators.create(dto, user);
  }

  @Patch(':id')
  @RequirePermission('mediator:manage')
  update(
    @IdParam() id: string,
    @Body() dto: UpdateMediatorDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.mediators.update(id, dto, user);
  }

  /** A period in which the mediator takes no new cases. */
  @Post(':id/leave-periods')
  @RequirePermission('mediator:manage')
  addLeave(
    @IdParam() id: string,
    @Body() dto: LeavePeriodDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.mediators.addLeave(id, dto, user);
  }

  @Delete(':id/leave-periods/:leaveId')
  @RequirePermission('mediator:manage')
  removeLeave(
    @IdParam() id: string,
    @IdParam('leaveId') leaveId: string,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.mediators.removeLeave(id, leaveId, user);
  }

  /** An organisation or person the mediator is related to: they are never matched to its cases. */
  @Post(':id/conflicts')
  @RequirePermission('mediator:manage')
  addConflict(
    @IdParam() id: string,
    @Body() dto: DeclaredConflictDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.mediators.addConflict(id, dto, user);
  }

  @Delete(':id/conflicts/:conflictId')
  @RequirePermission('mediator:manage')
  removeConflict(
    @IdParam() id: string,
    @IdParam('conflictId') conflictId: string,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.mediators.removeConflict(id, conflictId, user);
  }
}
