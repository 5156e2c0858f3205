import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { SUPPORTED_LANGUAGES, SupportedLanguage } from '../../i18n/languages';

/** Which period and which part of the caller's scope. Either `period` or `from` and `to`. */
export class StatisticsQueryDto {
  /** A month, quarter or year in China time. @example 2026-11 */
  @IsOptional()
  @Matches(/^\d{4}(-\d{2}|-Q[1-4])?$/)
  period?: string;

  /** First day, inclusive (China calendar). @example 2026-11-01 */
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  from?: string;

  /** Last day, inclusive (China calendar). @example 2026-11-30 */
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  to?: string;

  /** Only this station (within what the caller may see). */
  @IsOptional()
  @IsUUID()
  stationId?: string;

  /** Only stations in this region (GB/T 2260 county, prefecture or province code). @example 330782 */
  @IsOptional()
  @Matches(/^\d{6}$/)
  countyCode?: string;

  /** Language of labels and headings; default the request's language (exports: Chinese). */
  @IsOptional()
  @IsIn(SUPPORTED_LANGUAGES)
  lang?: SupportedLanguage;
}

export const EXPORT_FORMATS = ['csv', 'xlsx', 'monthly'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export class StatisticsExportQueryDto extends StatisticsQueryDto {
  /** csv, xlsx (a sheet per breakdown) or monthly (the people's-mediation monthly report layout). */
  @IsIn(EXPORT_FORMATS)
  format: ExportFormat;
}
