import { insertRow } from '../database/insert-row';
import { EntityManager } from 'typeorm';
import { lookupHash } from '../common/personal-data/field-encryption';
import { invalidField } from '../errors/domain-error';
import { duplicateOrganisation, duplicatePerson } from './case-errors';
import { OrganisationDto, PersonDto } from './dto/party.dto';
import { searchNamesOf } from './name-search';
import { Organisation } from './organisation.entity';
import { Person } from './person.entity';

/**
 * Creates or links the people and organisations of a case inside the caller's transaction. The same
 * person is not registered twice: a new person whose identity document is already on file is
 * refused with DUPLICATE_PERSON and the existing person's id, so the clerk links that record.
 */
export async function resolvePerson(
  manager: EntityManager,
  dto: PersonDto | undefined,
  personId: string | undefined,
  field: string,
): Promise<Person> {
  const repository = manager.getRepository(Person);
  if (personId) {
    const existing = await repository.findOne({ where: { id: personId } });
    if (!existing) throw invalidField(`${field}.personId`, 'cases:validation.unknownPerson');
    return existing;
  }
  const person = dto!;
  const document = person.identityDocument;
  const documentHash = document ? lookupHash(document.number, document.type) : null;
  if (documentHash) {
    const existing = await repository.findOne({
      where: { idDocumentHash: documentHash },
      select: { id: true },
    });
    if (existing) throw duplicatePerson(existing.id, `${field}.person.identityDocument.number`);
  }
  const created = repository.create({
    nameOriginal: person.nameOriginal,
    nameLatin: person.nameLatin ?? null,
    nameZh: person.nameZh ?? null,
    searchNames: searchNamesOf([person.nameOriginal, person.nameLatin, person.nameZh]),
    sex: person.sex,
    birthYear: person.birthYear ?? null,
    nationality: person.nationality,
    homeRegionCode: person.homeRegionCode ?? null,
    dialects: person.dialects ?? [],
    ethnicGroup: person.ethnicGroup ?? null,
    idDocumentType: document?.type ?? null,
    idDocumentNumber: document?.number ?? null,
    idDocumentHash: documentHash,
    idDocumentCountry: document?.country ?? (document?.type === 'resident_id' ? 'CN' : null),
    phone: person.phone ?? null,
    phoneHash: person.phone ? lookupHash(person.phone, 'phone') : null,
    address: person.address ?? null,
    preferredLanguages: person.preferredLanguages,
    needsInterpreter:
      person.needsInterpreter ?? !person.preferredLanguages.some((l) => l.startsWith('zh')),
    occupation: person.occupation ?? null,
  });
  return insertRow(manager, repository.target, created);
}

export async function resolveOrganisation(
  manager: EntityManager,
  dto: OrganisationDto | undefined,
  organisationId: string | undefined,
  field: string,
): Promise<Organisation> {
  const repository = manager.getRepository(Organisation);
  if (organisationId) {
    const existing = await repository.findOne({ where: { id: organisationId } });
    if (!existing)
      throw invalidField(`${field}.organisationId`, 'cases:validation.unknownOrganisation');
    return existing;
  }
  const organisation = dto!;
  if (organisation.creditCode) {
    const existing = await repository.findOne({
      where: { creditCode: organisation.creditCode },
      select: { id: true },
    });
    if (existing) throw duplicateOrganisation(existing.id, `${field}.organisation.creditCode`);
  }
  const created = repository.create({
    nameOriginal: organisation.nameOriginal,
    nameZh: organisation.nameZh ?? null,
    nameLatin: organisation.nameLatin ?? null,
    searchNames: searchNamesOf([
      organisation.nameOriginal,
      organisation.nameZh,
      organisation.nameLatin,
    ]),
    creditCode: organisation.creditCode ?? null,
    country: organisation.country,
    legalRepresentative: organisation.legalRepresentative ?? null,
    address: organisation.address ?? null,
  });
  return insertRow(manager, repository.target, created);
}
