import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { RequirePermission } from '../auth/access.decorators';
import { AuditTrail } from './audit-trail.service';

export class AuditQueryDto {
  /** Entity type, e.g. case, station, user. */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityType?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityId?: string;

  /** Return entries after this sequence number (for paging through the chain). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  afterSeq?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

@ApiTags('audit')
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditTrail) {}

  @Get()
  @RequirePermission('audit:read')
  list(@Query() query: AuditQueryDto) {
    return this.audit.list({ ...query, limit: query.limit ?? 100 });
  }

  @Get('verify')
  @RequirePermission('audit:verify')
  @ApiOkResponse({
    description: '{ valid, entriesChecked, firstBrokenLink: { seq, reason } | null }',
  })
  verify() {
    return this.audit.verify();
  }
}
