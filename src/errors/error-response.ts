import { HttpException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { I18nService } from '../i18n/i18n.service';
import { DomainError, ErrorDetail } from './domain-error';

/** The one error body every endpoint answers with. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details: { field: string; code: string; message: string }[];
  requestId?: string;
}

const HTTP_STATUS_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'ROUTE_NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

function isUniqueViolation(error: QueryFailedError): boolean {
  const driverError = (error as QueryFailedError & { driverError?: { code?: string } }).driverError;
  return driverError?.code === '23505' || /UNIQUE constraint failed/i.test(error.message);
}

function isBusy(error: QueryFailedError): boolean {
  return /SQLITE_BUSY|database is locked/i.test(error.message);
}

/**
 * Maps any thrown value to a status and a translated body. Shared by the global Nest filter and
 * the Express error handler that sees body-parser failures before Nest does.
 */
export function renderError(
  error: unknown,
  i18n: I18nService,
  requestId: string | undefined,
): { status: number; body: ErrorBody; unexpected: boolean } {
  const translateDetails = (details: ErrorDetail[]) =>
    details.map((d) => ({
      field: d.field,
      code: (d.key.split(':').pop() ?? d.key).split('.').pop() ?? d.key,
      message:
        d.message ??
        (i18n.exists(d.key)
          ? i18n.translate(d.key, d.params)
          : i18n.translate('validation:invalid', d.params)),
    }));

  if (error instanceof DomainError) {
    return {
      status: error.status,
      unexpected: false,
      body: {
        statusCode: error.status,
        code: error.code,
        message: i18n.translate(error.i18nKey, error.params),
        details: translateDetails(error.details),
      },
    };
  }
  const status = httpStatusOf(error);
  if (status && status !== 500) {
    const code = HTTP_STATUS_CODES[status] ?? 'BAD_REQUEST';
    return {
      status,
      unexpected: false,
      body: { statusCode: status, code, message: i18n.translate(`errors:${code}`), details: [] },
    };
  }
  if (error instanceof QueryFailedError && isUniqueViolation(error)) {
    return {
      status: 409,
      unexpected: false,
      body: {
        statusCode: 409,
        code: 'DUPLICATE',
        message: i18n.translate('errors:DUPLICATE'),
        details: [],
      },
    };
  }
  if (error instanceof QueryFailedError && isBusy(error)) {
    return {
      status: 503,
      unexpected: true,
      body: {
        statusCode: 503,
        code: 'BUSY',
        message: i18n.translate('errors:BUSY'),
        details: [],
        requestId,
      },
    };
  }
  return {
    status: 500,
    unexpected: true,
    body: {
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: i18n.translate('errors:INTERNAL_ERROR', { requestId }),
      details: [],
      requestId,
    },
  };
}

function httpStatusOf(error: unknown): number | undefined {
  if (error instanceof HttpException) return error.getStatus();
  // body-parser and other Express middleware report with `status` / `statusCode`.
  const candidate = error as { status?: unknown; statusCode?: unknown; type?: unknown };
  if (typeof candidate?.type === 'string' && typeof candidate.status === 'number')
    return candidate.status;
  return undefined;
}
