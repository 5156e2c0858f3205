import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthenticatedUser, scopeOf } from '../auth/authenticated-user';
import { caseNotFound } from './case-errors';
import { CONCLUDED_STATES } from './case-lifecycle';
import { caseSummaryView, caseView, CaseView } from './case.view';
import { applyCaseScope } from './case-scope';
import { CaseQueryDto } from './dto/case-query.dto';
import { MediationCase } from './mediation-case.entity';
import { normaliseForSearch } from './name-search';

const SORTS: Record<string, string> = {
  receivedOn: 'c.received_on',
  caseNumber: 'c.case_number',
  createdAt: 'c.created_at',
  dueAt: 'c.due_at',
};

/** Reads cases, always through the caller's scope: an out-of-scope case is simply not found. */
@Injectable()
export class CaseQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Loads a case the caller may see, with parties, persons, organisations and station. */
  async load(
    id: string,
    user: AuthenticatedUser,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<MediationCase> {
    const query = manager
      .getRepository(MediationCase)
      .createQueryBuilder('c')
      .leftJoinAndSelect('c.station', 'station')
      .leftJoinAndSelect('c.parties', 'party')
      .leftJoinAndSelect('party.person', 'person')
      .leftJoinAndSelect('party.organisation', 'organisation')
      .where('c.id = :id', { id });
    const found = await applyCaseScope(query, scopeOf(user)).getOne();
    if (!found) throw caseNotFound(id);
    return found;
  }

  async get(id: string, user: AuthenticatedUser): Promise<CaseView> {
    return caseView(await this.load(id, user), user);
  }

  async search(query: CaseQueryDto, user: AuthenticatedUser) {
    const qb = this.dataSource.getRepository(MediationCase).createQueryBuilder('c');
    applyCaseScope(qb, scopeOf(user));
    if (query.state?.length) qb.andWhere('c.state IN (:...states)', { states: query.state });
    if (query.stationId) qb.andWhere('c.station_id = :stationId', { stationId: query.stationId });
    if (query.disputeType?.length)
      qb.andWhere('c.dispute_type IN (:...types)', { types: query.disputeType });
    if (query.receivedFrom) qb.andWhere('c.received_on >= :from', { from: query.receivedFrom });
    if (query.receivedTo) qb.andWhere('c.received_on <= :to', { to: query.receivedTo });
    if (query.caseNumber)
      qb.andWhere('c.case_number LIKE :number', { number: `%${escapeLike(query.caseNumber)}%` });
    if (query.nationality) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM case_party np JOIN person npp ON npp.id = np.person_id WHERE np.case_id = c.id AND npp.nationality = :nationality)',
        { nationality: query.nationality },
      );
    }
    if (query.homeProvince) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM case_party hp JOIN person hpp ON hpp.id = hp.person_id WHERE hp.case_id = c.id AND hpp.home_region_code LIKE :province)',
        { province: `${query.homeProvince.slice(0, 2)}%` },
      );
    }
    if (query.partyName) {
      const normalised = escapeLike(normaliseForSearch(query.partyName));
      const term = `%${normalised}%`;
      const compact = `%${normalised.replace(/ /g, '')}%`;
      // From the names to the cases, not case by case: the matching people and organisations
      // are found in one scan of the (search_names, id) index, then their cases by index.
      qb.andWhere(
        `c.id IN (
          SELECT sp.case_id FROM case_party sp WHERE sp.person_id IN
            (SELECT spp.id FROM person spp WHERE spp.search_names LIKE :term OR spp.search_names LIKE :compact)
          UNION
          SELECT so.case_id FROM case_party so WHERE so.organisation_id IN
            (SELECT soo.id FROM organisation soo WHERE soo.search_names LIKE :term OR soo.search_names LIKE :compact))`,
        { term, compact },
      );
    }
    const now = new Date();
    const open = [...CONCLUDED_STATES];
    if (query.overdue) {
      qb.andWhere('c.due_at < :now AND c.state NOT IN (:...concluded)', { now, concluded: open });
    }
    if (query.dueWithinDays !== undefined) {
      qb.andWhere('c.due_at >= :now2 AND c.due_at <= :soon AND c.state NOT IN (:...concluded2)', {
        now2: now,
        soon: new Date(now.getTime() + query.dueWithinDays * 86_400_000),
        concluded2: open,
      });
    }
    const total = await qb.clone().getCount();
    const direction = query.order === 'asc' ? 'ASC' : 'DESC';
    qb.orderBy(SORTS[query.sort ?? 'receivedOn'], direction).addOrderBy('c.id', direction);
    const limit = query.limit ?? 20;
    const offset = query.offset ?? 0;
    const rows = await qb.skip(offset).take(limit).getMany();
    return { total, limit, offset, items: rows.map((c) => caseSummaryView(c, now)) };
  }
}

function escapeLike(value: string): string {
  return value.replace(/[%_]/g, '');
}
