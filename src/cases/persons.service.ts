import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import { lookupHash, maskTail } from '../common/personal-data/field-encryption';
import { CaseParty } from './case-party.entity';
import { PersonMatchDto } from './dto/person-match.dto';
import { normaliseForSearch } from './name-search';
import { Person } from './person.entity';

export type MatchReason = 'identity_document' | 'name_and_nationality' | 'name_and_phone';

/**
 * Finds people already on file who may be the one being registered: the same identity document;
 * or the same name in any of its forms plus the same nationality or phone. The clerk then links
 * the existing person instead of registering a duplicate.
 */
@Injectable()
export class PersonsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async match(dto: PersonMatchDto) {
    const query = this.dataSource.getRepository(Person).createQueryBuilder('p');
    const documentHash = dto.identityDocument
      ? lookupHash(dto.identityDocument.number, dto.identityDocument.type)
      : null;
    const phoneHash = dto.phone ? lookupHash(dto.phone, 'phone') : null;
    const names = [dto.nameOriginal, dto.nameLatin, dto.nameZh]
      .filter((n): n is string => !!n)
      .map(normaliseForSearch);
    query.where(
      new Brackets((w) => {
        w.where('1 = 0');
        if (documentHash) w.orWhere('p.id_document_hash = :documentHash', { documentHash });
        if (phoneHash) w.orWhere('p.phone_hash = :phoneHash', { phoneHash });
        names.forEach((name, i) => {
          w.orWhere(`p.search_names LIKE :name${i}`, { [`name${i}`]: `%|${name}|%` });
        });
      }),
    );
    const candidates = await query.take(50).getMany();
    const results = candidates
      .map((person) => {
        const reasons: MatchReason[] = [];
        const sameName = names.some((n) => person.searchNames.includes(`|${n}|`));
        if (documentHash && person.idDocumentHash === documentHash)
          reasons.push('identity_document');
        if (sameName && dto.nationality && person.nationality === dto.nationality)
          reasons.push('name_and_nationality');
        if (sameName && phoneHash && person.phoneHash === phoneHash) reasons.push('name_and_phone');
        return { person, reasons };
      })
      .filter((r) => r.reasons.length > 0);
    const caseCounts = new Map<string, number>();
    if (results.length) {
      const rows = await this.dataSource
        .getRepository(CaseParty)
        .createQueryBuilder('cp')
        .select('cp.person_id', 'personId')
        .addSelect('COUNT(*)', 'n')
        .where('cp.person_id IN (:...ids)', { ids: results.map((r) => r.person.id) })
        .groupBy('cp.person_id')
        .getRawMany<{ personId: string; n: string | number }>();
      rows.forEach((r) => caseCounts.set(r.personId, Number(r.n)));
    }
    return results.map(({ person, reasons }) => ({
      personId: person.id,
      matchedOn: reasons,
      nameOriginal: person.nameOriginal,
      nameLatin: person.nameLatin,
      nameZh: person.nameZh,
      nationality: person.nationality,
      birthYear: person.birthYear,
      homeRegionCode: person.homeRegionCode,
      identityDocument: person.idDocumentType
        ? { type: person.idDocumentType, number: maskTail(person.idDocumentNumber) }
        : null,
      phone: maskTail(person.phone),
      cases: caseCounts.get(person.id) ?? 0,
    }));
  }
}
