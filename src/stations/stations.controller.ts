import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { IdParam } from '../common/validation/id-param';
import { CreateStationDto, UpdateStationDto } from './dto/station.dto';
import { Station } from './station.entity';
import { StationsService } from './stations.service';

@ApiTags('stations')
@Controller('api/v1/stations')
export class StationsController {
  constructor(private readonly stations: StationsService) {}

  @Get()
  @RequirePermission('station:read')
  list(@CurrentUser() user: AuthenticatedUser): Promise<Station[]> {
    return this.stations.list(user);
  }

  @Get(':id')
  @RequirePermission('station:read')
  get(@IdParam() id: string, @CurrentUser() user: AuthenticatedUser): Promise<Station> {
    return this.stations.get(id, user);
  }

  @Post()
  @RequirePermission('station:manage')
  create(@Body() dto: CreateStationDto): Promise<Station> {
    return this.stations.create(dto);
  }

  @Patch(':id')
  @RequirePermission('station:manage')
  update(@IdParam() id: string, @Body() dto: UpdateStationDto): Promise<Station> {
    return this.stations.update(id, dto);
  }
}
