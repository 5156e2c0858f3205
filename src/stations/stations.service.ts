import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.service';
import { AuthenticatedUser, countyCovers, scopeOf } from '../auth/authenticated-user';
import { TransactionRunner } from '../database/transaction-runner';
import { ConflictError, invalidField, NotFoundError } from '../errors/domain-error';
import { CreateStationDto, UpdateStationDto } from './dto/station.dto';
import { DEFAULT_PANEL_POLICY, Station } from './station.entity';

@Injectable()
export class StationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditTrail,
  ) {}

  /** Stations the caller may see: a clerk their own, a bureau its region's, others all. */
  async list(user: AuthenticatedUser): Promise<Station[]> {
    const stations = await this.dataSource.getRepository(Station).find({ order: { code: 'ASC' } });
    const scope = scopeOf(user);
    if (scope.kind === 'station') return stations.filter((s) => s.id === scope.stationId);
    if (scope.kind === 'county')
      return stations.filter((s) => countyCovers(scope.countyCode, s.countyCode));
    return stations;
  }

  async get(id: string, user: AuthenticatedUser): Promise<Station> {
    const station = (await this.list(user)).find((s) => s.id === id);
    if (!station) throw new NotFoundError('STATION_NOT_FOUND', { id });
    return station;
  }

  async create(dto: CreateStationDto): Promise<Station> {
    return this.transactions.run(async (manager) => {
      const repository = manager.getRepository(Station);
      if (await repository.exist({ where: { code: dto.code } }))
        throw new ConflictError('STATION_CODE_TAKEN', { code: dto.code });
      if (dto.parentId && !(await repository.exist({ where: { id: dto.parentId } }))) {
        throw invalidField('parentId', 'validation:unknownStation');
      }
      const station = repository.create({
        ...dto,
        address: dto.address ?? '',
        parentId: dto.parentId ?? null,
        panelPolicy: dto.panelPolicy ?? DEFAULT_PANEL_POLICY,
      });
      await repository.insert(station);
      await this.audit.record(manager, {
        action: 'station.created',
        entityType: 'station',
        entityId: station.id,
        summary: { code: dto.code },
      });
      return repository.findOneByOrFail({ id: station.id });
    });
  }

  async update(id: string, dto: UpdateStationDto): Promise<Station> {
    return this.transactions.run(async (manager) => {
      const repository = manager.getRepository(Station);
      if (!(await repository.exist({ where: { id } })))
        throw new NotFoundError('STATION_NOT_FOUND', { id });
      await repository.update({ id }, { ...dto });
      await this.audit.record(manager, {
        action: 'station.updated',
        entityType: 'station',
        entityId: id,
        summary: { fields: Object.keys(dto) },
      });
      return repository.findOneByOrFail({ id });
    });
  }
}
