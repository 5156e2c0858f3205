import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { Request, Response } from 'express';
import { I18nService } from '../i18n/i18n.service';
import { currentContext } from '../request-context/request-context';
import { renderError } from './error-response';

/** The single place where errors become HTTP responses in the caller's language. */
@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly i18n: I18nService) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request & { id?: string }>();
    const requestId = currentContext()?.requestId ?? (request.id ? String(request.id) : undefined);
    const { status, body, unexpected } = renderError(exception, this.i18n, requestId);
    if (unexpected) {
      const err = exception as Error;
      this.logger.error(
        { requestId, err: { name: err?.name, message: err?.message, stack: err?.stack } },
        'Unexpected error',
      );
    }
    if (response.headersSent) return;
    response.status(status).json(body);
  }
}
