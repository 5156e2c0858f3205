import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { RequirePermission } from '../auth/access.decorators';
import { I18nService } from '../i18n/i18n.service';
import {
  describeDivision,
  DIVISIONS_EDITION,
  findDivision,
  listDivisions,
} from './administrative-divisions';
import { listCountries } from './countries';
import { DIALECTS, dialectsOfRegion } from './dialects';
import { DISPUTE_TYPES } from './dispute-types';
import { listLanguages } from './languages-of-the-world';

export class DivisionQueryDto {
  /** Parent code; omit for the provinces. @example 520000 */
  @IsOptional()
  @Matches(/^\d{6}$/)
  parent?: string;
}

export class DialectQueryDto {
  /** Only the dialects spoken in this region. @example 520502 */
  @IsOptional()
  @Matches(/^\d{6}$/)
  region?: string;
}

/** Read-only reference data; the same tables back the DTO validators. Names follow the caller's language. */
@ApiTags('reference')
@Controller('api/v1/reference')
export class ReferenceController {
  constructor(private readonly i18n: I18nService) {}

  @Get('countries')
  @RequirePermission('reference:read')
  countries() {
    return listCountries(this.i18n.currentLanguage());
  }

  @Get('languages')
  @RequirePermission('reference:read')
  languages() {
    return listLanguages(this.i18n.currentLanguage());
  }

  @Get('divisions')
  @RequirePermission('reference:read')
  divisions(@Query() query: DivisionQueryDto) {
    const language = this.i18n.currentLanguage();
    return {
      edition: DIVISIONS_EDITION,
      parent: query.parent ? (findDivision(query.parent) ?? null) : null,
      items: listDivisions(query.parent ?? null).map((d) => ({
        ...d,
        name: language === 'zh-CN' ? d.nameZh : d.nameLatin,
        fullName: describeDivision(d.code, language),
      })),
    };
  }

  @Get('dialects')
  @RequirePermission('reference:read')
  dialects(@Query() query: DialectQueryDto) {
    const dialects = query.region ? dialectsOfRegion(query.region) : DIALECTS;
    return dialects.map((d) => ({
      ...d,
      name: this.i18n.translate(`reference:dialect.${d.code}`),
    }));
  }

  @Get('dispute-types')
  @RequirePermission('reference:read')
  disputeTypes() {
    return DISPUTE_TYPES.map((code) => ({
      code,
      name: this.i18n.translate(`reference:disputeType.${code}`),
    }));
  }
}
