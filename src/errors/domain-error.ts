/**
 * Errors the services throw. Each carries a stable code for API clients, an i18n key and its
 * parameters; the global filter maps the code to an HTTP status and translates the message into
 * the caller's language. Services never throw HTTP exceptions.
 */
export type ErrorKind =
  | 'invalid' // 400
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not-found' // 404
  | 'conflict' // 409
  | 'payload-too-large' // 413
  | 'unsupported-media' // 415
  | 'unprocessable' // 422
  | 'locked' // 423
  | 'too-many-requests'; // 429

export const STATUS_OF_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'payload-too-large': 413,
  'unsupported-media': 415,
  unprocessable: 422,
  locked: 423,
  'too-many-requests': 429,
};

export interface ErrorDetail {
  field: string;
  /** i18n key of the detail message, e.g. `validation:isCountryCode`. */
  key: string;
  params?: Record<string, unknown>;
  /** Already-translated message; set by the filter. */
  message?: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    readonly i18nKey: string,
    readonly params: Record<string, unknown> = {},
    readonly details: ErrorDetail[] = [],
  ) {
    super(`${code}: ${i18nKey}`);
    this.name = 'DomainError';
  }

  get status(): number {
    return STATUS_OF_KIND[this.kind];
  }
}

export class ValidationFailedError extends DomainError {
  constructor(details: ErrorDetail[]) {
    super(
      'VALIDATION_FAILED',
      'invalid',
      'errors:VALIDATION_FAILED',
      { count: details.length },
      details,
    );
  }
}

/** One field is wrong in a way a DTO cannot see (an unknown region code, a bad check digit). */
export function invalidField(
  field: string,
  key: string,
  params: Record<string, unknown> = {},
): ValidationFailedError {
  return new ValidationFailedError([{ field, key, params: { field, ...params } }]);
}

export class NotFoundError extends DomainError {
  constructor(code: string, params: Record<string, unknown> = {}) {
    super(code, 'not-found', `errors:${code}`, params);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, params: Record<string, unknown> = {}, details: ErrorDetail[] = []) {
    super(code, 'conflict', `errors:${code}`, params, details);
  }
}

export class ForbiddenError extends DomainError {
  constructor(code = 'FORBIDDEN', params: Record<string, unknown> = {}) {
    super(code, 'forbidden', `errors:${code}`, params);
  }
}

export class UnprocessableError extends DomainError {
  constructor(code: string, params: Record<string, unknown> = {}, details: ErrorDetail[] = []) {
    super(code, 'unprocessable', `errors:${code}`, params, details);
  }
}
