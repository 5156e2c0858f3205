import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as bcrypt from 'bcryptjs';
import { DataSource } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.service';
import { TransactionRunner } from '../database/transaction-runner';
import {
  ConflictError,
  ErrorDetail,
  invalidField,
  NotFoundError,
  ValidationFailedError,
} from '../errors/domain-error';
import { Station } from '../stations/station.entity';
import { BCRYPT_ROUNDS } from './auth.service';
import { CreateUserDto, UpdateUserDto, UserView } from './dto/user.dto';
import { passwordProblems } from './password-policy';
import { User } from './user.entity';

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditTrail,
  ) {}

  async list(): Promise<UserView[]> {
    const users = await this.dataSource.getRepository(User).find({ order: { username: 'ASC' } });
    return users.map(UserView.of);
  }

  async get(id: string): Promise<UserView> {
    return UserView.of(await this.find(id));
  }

  async create(dto: CreateUserDto): Promise<UserView> {
    this.checkPassword(dto.password, dto.username);
    const binding = this.bindingProblems(dto);
    if (binding.length) throw new ValidationFailedError(binding);
    return this.transactions.run(async (manager) => {
      if (
        dto.stationId &&
        !(await manager.getRepository(Station).exist({ where: { id: dto.stationId } }))
      ) {
        throw invalidField('stationId', 'validation:unknownStation');
      }
      // The mediator profile is the mediators module's table; a foreign key guards it too, but a
      // wrong id must be a 400 naming the field, not a constraint failure.
      if (dto.role === 'mediator' && dto.mediatorId) {
        const [found] = await manager.query(
          manager.connection.options.type === 'postgres'
            ? 'SELECT 1 FROM mediator WHERE id = $1'
            : 'SELECT 1 FROM mediator WHERE id = ?',
          [dto.mediatorId],
        );
        if (!found) throw invalidField('mediatorId', 'mediators:validation.unknownMediator');
      }
      if (await manager.getRepository(User).exist({ where: { username: dto.username } })) {
        throw new ConflictError('USERNAME_TAKEN', { username: dto.username });
      }
      const user = manager.getRepository(User).create({
        username: dto.username,
        displayName: dto.displayName,
        passwordHash: await bcrypt.hash(dto.password, BCRYPT_ROUNDS),
        role: dto.role,
        stationId: dto.role === 'clerk' ? dto.stationId! : null,
        mediatorId: dto.role === 'mediator' ? dto.mediatorId! : null,
        countyCode: dto.role === 'bureau' ? dto.countyCode! : null,
        preferredLanguage: dto.preferredLanguage ?? 'zh-CN',
      });
      await manager.getRepository(User).insert(user);
      await this.audit.record(manager, {
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        summary: {
          username: user.username,
          role: user.role,
          stationId: user.stationId,
          countyCode: user.countyCode,
        },
      });
      return UserView.of(await manager.getRepository(User).findOneByOrFail({ id: user.id }));
    });
  }

  async update(id: string, dto: UpdateUserDto): Promise<UserView> {
    return this.transactions.run(async (manager) => {
      const user = await manager.getRepository(User).findOne({ where: { id } });
      if (!user) throw new NotFoundError('USER_NOT_FOUND', { id });
      const changes: Partial<User> = {};
      if (dto.displayName !== undefined) changes.displayName = dto.displayName;
      if (dto.preferredLanguage !== undefined) changes.preferredLanguage = dto.preferredLanguage;
      if (dto.disabled !== undefined && dto.disabled !== user.disabled) {
        changes.disabled = dto.disabled;
        changes.tokenVersion = user.tokenVersion + 1;
      }
      if (dto.password !== undefined) {
        this.checkPassword(dto.password, user.username);
        changes.passwordHash = await bcrypt.hash(dto.password, BCRYPT_ROUNDS);
        changes.tokenVersion = user.tokenVersion + 1;
        changes.failedLoginCount = 0;
        changes.lockedUntil = null;
      }
      if (Object.keys(changes).length > 0) {
        await manager.getRepository(User).update({ id }, changes);
        await this.audit.record(manager, {
          action: 'user.updated',
          entityType: 'user',
          entityId: id,
          summary: {
            fields: Object.keys(dto).filter((k) => k !== 'password'),
            passwordChanged: dto.password !== undefined,
            disabled: dto.disabled,
          },
        });
      }
      return UserView.of(await manager.getRepository(User).findOneByOrFail({ id }));
    });
  }

  private async find(id: string): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOne({ where: { id } });
    if (!user) throw new NotFoundError('USER_NOT_FOUND', { id });
    return user;
  }

  private checkPassword(password: string, username: string): void {
    const problems = passwordProblems(password, username);
    if (problems.length)
      throw new ValidationFailedError(
        problems.map((key) => ({ field: 'password', key, params: { field: 'password' } })),
      );
  }

  /** A clerk needs a station, a mediator account a mediator profile, a bureau account a region. */
  private bindingProblems(dto: CreateUserDto): ErrorDetail[] {
    const required: Record<string, keyof CreateUserDto | undefined> = {
      clerk: 'stationId',
      mediator: 'mediatorId',
      bureau: 'countyCode',
      admin: undefined,
    };
    const field = required[dto.role];
    if (field && !dto[field])
      return [{ field, key: 'validation:requiredForRole', params: { field, role: dto.role } }];
    return [];
  }
}
