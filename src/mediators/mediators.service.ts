import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.service';
import { AuthenticatedUser, scopeOf } from '../auth/authenticated-user';
import { TransactionRunner } from '../database/transaction-runner';
import { ErrorDetail, invalidField, ValidationFailedError } from '../errors/domain-error';
import { I18nService } from '../i18n/i18n.service';
import { Station } from '../stations/station.entity';
import { casesOfMediatorChanged } from '../statistics/case-statistics-row';
import { DeclaredConflictDto, LeavePeriodDto } from './dto/leave-and-conflict.dto';
import { CreateMediatorDto, UpdateMediatorDto } from './dto/mediator.dto';
import { MediatorQueryDto } from './dto/mediator-query.dto';
import { MediatorConflict } from './mediator-conflict.entity';
import {
  conflictNotFound,
  leaveNotFound,
  mediatorNotFound,
  mediatorStationNotAllowed,
} from './mediator-errors';
import { MediatorLeave } from './mediator-leave.entity';
import { conflictProblems, leaveProblems, profileProblems } from './mediator-rules';
import { applyMediatorScope } from './mediator-scope';
import { MediatorStation } from './mediator-station.entity';
import { languageCodesOf, Mediator } from './mediator.entity';
import { mediatorView, MediatorView } from './mediator.view';

/** The mediator registry: mediators and interpreters, the stations they serve, leave and conflicts. */
@Injectable()
export class MediatorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditTrail,
    private readonly i18n: I18nService,
  ) {}

  async list(query: MediatorQueryDto, user: AuthenticatedUser) {
    const qb = this.dataSource.getRepository(Mediator).createQueryBuilder('m');
    applyMediatorScope(qb, scopeOf(user));
    if (query.stationId)
      qb.andWhere(
        'EXISTS (SELECT 1 FROM mediator_station fs WHERE fs.mediator_id = m.id AND fs.station_id = :stationId)',
        { stationId: query.stationId },
      );
    if (query.kind) qb.andWhere('m.kind = :kind', { kind: query.kind });
    if (query.status) qb.andWhere('m.status = :status', { status: query.status });
    if (query.role) qb.andWhere('m.roles LIKE :role', { role: `%"${query.role}"%` });
    if (query.language)
      qb.andWhere('m.language_codes LIKE :language', {
        language: `%|${query.language.split('-')[0].toLowerCase()}|%`,
      });
    if (query.region)
      qb.andWhere('m.home_region_code LIKE :region', {
        region: `${query.region.replace(/(00)+$/, '')}%`,
      });
    const total = await qb.clone().getCount();
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const rows = await qb
      .orderBy('m.name_original', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .skip(offset)
      .take(limit)
      .getMany();
    const ids = rows.map((m) => m.id);
    const stations = await this.stationsOf(this.dataSource.manager, ids);
    const language = this.i18n.currentLanguage();
    return {
      total,
      limit,
      offset,
      items: rows.map((m) =>
        mediatorView(m, {
          stationIds: stations.get(m.id) ?? [],
          activeCases: m.activeCaseCount,
          language,
        }),
      ),
    };
  }

  async get(id: string, user: AuthenticatedUser): Promise<MediatorView> {
    const manager = this.dataSource.manager;
    const mediator = await this.load(manager, id, user);
    const leavePeriods = await manager
      .getRepository(MediatorLeave)
      .find({ where: { mediatorId: id }, order: { startsOn: 'ASC' } });
    const conflicts = await manager
      .getRepository(MediatorConflict)
      .find({ where: { mediatorId: id }, order: { createdAt: 'ASC' } });
    const stations = await this.stationsOf(manager, [id]);
    return mediatorView(mediator, {
      stationIds: stations.get(id) ?? [],
      activeCases: mediator.activeCaseCount,
      language: this.i18n.currentLanguage(),
      leavePeriods,
      conflicts,
    });
  }

  async create(dto: CreateMediatorDto, user: AuthenticatedUser): Promise<MediatorView> {
    const { stationIds, ...fields } = dto;
    const mediatorId = await this.transactions.run(async (manager) => {
      await this.checkStations(manager, stationIds, user);
      const repository = manager.getRepository(Mediator);
      const mediator = repository.create({
        ...fields,
        roles: fields.roles ?? ['mediator'],
        nameLatin: fields.nameLatin ?? null,
        nameZh: fields.nameZh ?? null,
        homeRegionCode: fields.homeRegionCode ?? null,
        dialects: fields.dialects ?? [],
        specialties: fields.specialties ?? [],
        capacity: fields.capacity ?? 5,
        status: fields.status ?? 'active',
        languageCodes: languageCodesOf(fields.languages),
      });
      this.checkProfile(mediator);
      await repository.insert(mediator);
      for (const stationId of stationIds)
        await manager.getRepository(MediatorStation).insert({ stationId, mediatorId: mediator.id });
      await this.audit.record(manager, {
        action: 'mediator.created',
        entityType: 'mediator',
        entityId: mediator.id,
        summary: { kind: mediator.kind, roles: mediator.roles, stationIds },
      });
      return mediator.id;
    });
    return this.get(mediatorId, user);
  }

  async update(id: string, dto: UpdateMediatorDto, user: AuthenticatedUser): Promise<MediatorView> {
    const { stationIds, ...fields } = dto;
    await this.transactions.run(async (manager) => {
      const current = await this.load(manager, id, user);
      const merged = { ...current, ...fields };
      this.checkProfile(merged);
      const changes: Partial<Mediator> = { ...fields };
      if (fields.languages) changes.languageCodes = languageCodesOf(fields.languages);
      if (Object.keys(changes).length)
        await manager.getRepository(Mediator).update({ id }, changes);
      // The statistics count a panel by its members' kinds.
      if (fields.kind && fields.kind !== current.kind) await casesOfMediatorChanged(manager, id);
      if (stationIds) {
        await this.checkStations(manager, stationIds, user);
        await manager.getRepository(MediatorStation).delete({ mediatorId: id });
        for (const stationId of stationIds)
          await manager.getRepository(MediatorStation).insert({ stationId, mediatorId: id });
      }
      await this.audit.record(manager, {
        action: 'mediator.updated',
        entityType: 'mediator',
        entityId: id,
        summary: { fields: Object.keys(dto), status: dto.status },
      });
    });
    return this.get(id, user);
  }

  async addLeave(id: string, dto: LeavePeriodDto, user: AuthenticatedUser): Promise<MediatorView> {
    const problems = leaveProblems(dto);
    if (problems.length) throw new ValidationFailedError(problems);
    await this.transactions.run(async (manager) => {
      await this.load(manager, id, user);
      const leave = manager.getRepository(MediatorLeave).create({
        mediatorId: id,
        startsOn: dto.startsOn,
        endsOn: dto.endsOn,
        reason: dto.reason ?? null,
      });
      await manager.getRepository(MediatorLeave).insert(leave);
      await this.audit.record(manager, {
        action: 'mediator.leave_added',
        entityType: 'mediator',
        entityId: id,
        summary: { leaveId: leave.id, startsOn: dto.startsOn, endsOn: dto.endsOn },
      });
    });
    return this.get(id, user);
  }

  async removeLeave(id: string, leaveId: string, user: AuthenticatedUser): Promise<MediatorView> {
    await this.transactions.run(async (manager) => {
      await this.load(manager, id, user);
      const result = await manager
        .getRepository(MediatorLeave)
        .delete({ id: leaveId, mediatorId: id });
      if (!result.affected) throw leaveNotFound(leaveId);
      await this.audit.record(manager, {
        action: 'mediator.leave_removed',
        entityType: 'mediator',
        entityId: id,
        summary: { leaveId },
      });
    });
    return this.get(id, user);
  }

  async addConflict(
    id: string,
    dto: DeclaredConflictDto,
    user: AuthenticatedUser,
  ): Promise<MediatorView> {
    const problems = conflictProblems(dto);
    if (problems.length) throw new ValidationFailedError(problems);
    await this.transactions.run(async (manager) => {
      await this.load(manager, id, user);
      const conflict = manager.getRepository(MediatorConflict).create({
        mediatorId: id,
        kind: dto.kind,
        name: dto.name ?? null,
        creditCode: dto.creditCode ?? null,
        organisationId: dto.organisationId ?? null,
        personId: dto.personId ?? null,
        relation: dto.relation,
      });
      await manager.getRepository(MediatorConflict).insert(conflict);
      // Names and relations are personal: the audit keeps only what kind of link was declared.
      await this.audit.record(manager, {
        action: 'mediator.conflict_declared',
        entityType: 'mediator',
        entityId: id,
        summary: { conflictId: conflict.id, kind: dto.kind },
      });
    });
    return this.get(id, user);
  }

  async removeConflict(
    id: string,
    conflictId: string,
    user: AuthenticatedUser,
  ): Promise<MediatorView> {
    await this.transactions.run(async (manager) => {
      await this.load(manager, id, user);
      const result = await manager
        .getRepository(MediatorConflict)
        .delete({ id: conflictId, mediatorId: id });
      if (!result.affected) throw conflictNotFound(conflictId);
      await this.audit.record(manager, {
        action: 'mediator.conflict_removed',
        entityType: 'mediator',
        entityId: id,
        summary: { conflictId },
      });
    });
    return this.get(id, user);
  }

  /** A mediator the caller may see; any other answers 404 as if it did not exist. */
  private async load(
    manager: EntityManager,
    id: string,
    user: AuthenticatedUser,
  ): Promise<Mediator> {
    const query = manager
      .getRepository(Mediator)
      .createQueryBuilder('m')
      .where('m.id = :id', { id });
    const found = await applyMediatorScope(query, scopeOf(user)).getOne();
    if (!found) throw mediatorNotFound(id);
    return found;
  }

  private async stationsOf(manager: EntityManager, ids: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    if (!ids.length) return map;
    const rows = await manager
      .getRepository(MediatorStation)
      .find({ where: { mediatorId: In(ids) }, order: { stationId: 'ASC' } });
    for (const row of rows)
      map.set(row.mediatorId, [...(map.get(row.mediatorId) ?? []), row.stationId]);
    return map;
  }

  /** Stations must exist; a clerk registers mediators for their own station only. */
  private async checkStations(
    manager: EntityManager,
    stationIds: string[],
    user: AuthenticatedUser,
  ): Promise<void> {
    const scope = scopeOf(user);
    if (scope.kind === 'station' && !stationIds.every((s) => s === scope.stationId))
      throw mediatorStationNotAllowed();
    const found = await manager.getRepository(Station).count({ where: { id: In(stationIds) } });
    if (found !== stationIds.length)
      throw invalidField('stationIds', 'mediators:validation.unknownStation');
  }

  private checkProfile(profile: Pick<Mediator, 'kind' | 'homeRegionCode' | 'nationality'>): void {
    const problems: ErrorDetail[] = profileProblems(profile);
    if (problems.length) throw new ValidationFailedError(problems);
  }
}
