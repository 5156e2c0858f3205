import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { Request } from 'express';
import { DataSource } from 'typeorm';
import { DomainError, ForbiddenError } from '../errors/domain-error';
import { currentContext } from '../request-context/request-context';
import { PUBLIC_ROUTE, REQUIRED_PERMISSION } from './access.decorators';
import { AuthenticatedUser } from './authenticated-user';
import { Permission, roleHasPermission } from './roles';
import { User } from './user.entity';

export interface TokenPayload {
  sub: string;
  role: string;
  tv: number;
}

export class UnauthenticatedError extends DomainError {
  constructor(reason = 'UNAUTHENTICATED') {
    super('UNAUTHENTICATED', 'unauthenticated', `errors:${reason}`);
  }
}

/**
 * Global guard: every route is closed unless it is @Public or declares a permission the caller's
 * role holds. The user row is read on each request so that disabling an account works at once.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(
      REQUIRED_PERMISSION,
      targets,
    );

    const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    const user = await this.authenticate(request);
    request.user = user;
    const store = currentContext();
    if (store) store.user = user;

    // A route that declares no permission is closed to everyone: forgetting is never an opening.
    if (!permission || !roleHasPermission(user.role, permission)) throw new ForbiddenError();
    return true;
  }

  private async authenticate(request: Request): Promise<AuthenticatedUser> {
    const header = request.headers.authorization;
    if (!header || !header.startsWith('Bearer ')) throw new UnauthenticatedError();
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(header.slice(7).trim());
    } catch {
      throw new UnauthenticatedError('TOKEN_INVALID');
    }
    const user = await this.dataSource.getRepository(User).findOne({ where: { id: payload.sub } });
    if (!user || user.disabled || user.tokenVersion !== payload.tv)
      throw new UnauthenticatedError('TOKEN_INVALID');
    return {
      id: user.id,
      username: user.username,
      role: user.role,
      stationId: user.stationId,
      mediatorId: user.mediatorId,
      countyCode: user.countyCode,
    };
  }
}
