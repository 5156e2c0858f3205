import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AuthenticatedUser } from './authenticated-user';
import { Permission } from './roles';

export const PUBLIC_ROUTE = 'access:public';
export const REQUIRED_PERMISSION = 'access:permission';

/** No token needed (login, health, locales, API docs). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The one permission a route needs; the guard refuses routes that declare none. */
export const RequirePermission = (permission: Permission) =>
  applyDecorators(
    SetMetadata(REQUIRED_PERMISSION, permission),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No valid bearer token (UNAUTHENTICATED).' }),
    ApiForbiddenResponse({ description: `Needs permission ${permission} (FORBIDDEN).` }),
  );

export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthenticatedUser => {
    return ctx.switchToHttp().getRequest().user;
  },
);
