import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { IdParam } from '../common/validation/id-param';
import { AssignmentService } from './assignment.service';
import { AssignPanelDto, NominationDto, RecusalDto, WithdrawalDto } from './dto/panel.dto';
import { PanelService } from './panel.service';

export class SuggestionQueryDto {
  /** How many mediators and interpreters to list. @example 10 */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

@ApiTags('assignment')
@Controller('api/v1/cases/:id')
export class AssignmentController {
  constructor(
    private readonly assignment: AssignmentService,
    private readonly panels: PanelService,
  ) {}

  /** Ranked mediators and interpreters with the reasons for each, the panel they make, and who is excluded and why. */
  @Get('mediator-suggestions')
  @RequirePermission('panel:assign')
  suggestions(
    @IdParam() id: string,
    @Query() query: SuggestionQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.assignment.suggestions(id, user, query.limit);
  }

  @Get('panel')
  @RequirePermission('case:read')
  panel(@IdParam() id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.assignment.panel(id, user);
  }

  /** Seats the whole panel; 422 PANEL_POLICY_VIOLATED names what is missing. Moves an accepted case to mediating. */
  @Put('panel')
  @RequirePermission('panel:assign')
  assign(
    @IdParam() id: string,
    @Body() dto: AssignPanelDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.panels.assign(id, dto, user);
  }

  @Post('panel/nominations')
  @RequirePermission('panel:assign')
  nominate(
    @IdParam() id: string,
    @Body() dto: NominationDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.panels.nominate(id, dto, user);
  }

  /** A party asks a member to step aside: removed, replaced, never suggested again for the case. */
  @Post('panel/recusals')
  @HttpCode(200)
  @RequirePermission('panel:recuse')
  recuse(@IdParam() id: string, @Body() dto: RecusalDto, @CurrentUser() user: AuthenticatedUser) {
    return this.panels.recuse(id, dto, user);
  }

  @Post('panel/withdrawals')
  @HttpCode(200)
  @RequirePermission('panel:recuse')
  withdraw(
    @IdParam() id: string,
    @Body() dto: WithdrawalDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.panels.withdraw(id, dto, user);
  }
}
