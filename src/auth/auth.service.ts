import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import * as bcrypt from 'bcryptjs';
import { DataSource } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.service';
import { ENVIRONMENT, Environment } from '../config/environment';
import { TransactionRunner } from '../database/transaction-runner';
import { DomainError } from '../errors/domain-error';
import { TokenPayload } from './access.guard';
import { TokenDto } from './dto/login.dto';
import { LOCK_MINUTES, MAX_FAILED_LOGINS } from './password-policy';
import { User } from './user.entity';

export const BCRYPT_ROUNDS = 10;

// Compared against when the username is unknown, so that both paths take the same time.
const DUMMY_HASH = bcrypt.hashSync('not-a-real-password', BCRYPT_ROUNDS);

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditTrail,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  async login(username: string, password: string): Promise<TokenDto> {
    const user = await this.dataSource.getRepository(User).findOne({ where: { username } });
    const matches = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || user.disabled)
      throw new DomainError('LOGIN_FAILED', 'unauthenticated', 'errors:LOGIN_FAILED');
    if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
      throw new DomainError('ACCOUNT_LOCKED', 'locked', 'errors:ACCOUNT_LOCKED', {
        minutes: LOCK_MINUTES,
      });
    }
    if (!matches) {
      await this.recordFailure(user);
      throw new DomainError('LOGIN_FAILED', 'unauthenticated', 'errors:LOGIN_FAILED');
    }
    if (user.failedLoginCount > 0 || user.lockedUntil) {
      await this.dataSource
        .getRepository(User)
        .update({ id: user.id }, { failedLoginCount: 0, lockedUntil: null });
    }
    const payload: TokenPayload = { sub: user.id, role: user.role, tv: user.tokenVersion };
    const accessToken = await this.jwt.signAsync(payload);
    const decoded = this.jwt.decode<{ exp: number; iat: number }>(accessToken);
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: decoded.exp - decoded.iat,
      user: {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        preferredLanguage: user.preferredLanguage,
      },
    };
  }

  private async recordFailure(user: User): Promise<void> {
    await this.transactions.run(async (manager) => {
      const failures = user.failedLoginCount + 1;
      const lock = failures >= MAX_FAILED_LOGINS;
      await manager.getRepository(User).update(
        { id: user.id },
        {
          failedLoginCount: lock ? 0 : failures,
          lockedUntil: lock ? new Date(Date.now() + LOCK_MINUTES * 60_000) : user.lockedUntil,
        },
      );
      if (lock) {
        await this.audit.record(manager, {
          action: 'user.locked',
          entityType: 'user',
          entityId: user.id,
          summary: { failures },
        });
      }
    });
  }

  /** The first administrator comes from ADMIN_USERNAME / ADMIN_PASSWORD when no admin exists. */
  async ensureFirstAdmin(): Promise<void> {
    const repository = this.dataSource.getRepository(User);
    if ((await repository.count({ where: { role: 'admin' } })) > 0) return;
    await this.transactions.run(async (manager) => {
      const admin = manager.getRepository(User).create({
        username: this.env.ADMIN_USERNAME,
        displayName: 'Administrator',
        passwordHash: await bcrypt.hash(this.env.ADMIN_PASSWORD, BCRYPT_ROUNDS),
        role: 'admin',
        stationId: null,
        mediatorId: null,
        countyCode: null,
      });
      await manager.getRepository(User).insert(admin);
      await this.audit.record(manager, {
        action: 'user.created',
        entityType: 'user',
        entityId: admin.id,
        summary: { role: 'admin', firstAdmin: true },
      });
    });
    this.logger.log(`Created the first administrator account "${this.env.ADMIN_USERNAME}"`);
  }
}
