import { SupportedLanguage } from '../i18n/languages';
import { describeDivision } from '../reference/administrative-divisions';
import { MediatorConflict } from './mediator-conflict.entity';
import { MediatorLeave } from './mediator-leave.entity';
import { Mediator } from './mediator.entity';

/** The API shape of a mediator; the home region is also described in the caller's language. */
export function mediatorView(
  mediator: Mediator,
  extras: {
    stationIds: string[];
    activeCases: number;
    language: SupportedLanguage;
    leavePeriods?: MediatorLeave[];
    conflicts?: MediatorConflict[];
  },
) {
  return {
    id: mediator.id,
    kind: mediator.kind,
    roles: mediator.roles,
    nameOriginal: mediator.nameOriginal,
    nameLatin: mediator.nameLatin,
    nameZh: mediator.nameZh,
    sex: mediator.sex,
    nationality: mediator.nationality,
    languages: mediator.languages,
    homeRegionCode: mediator.homeRegionCode,
    homeRegion: mediator.homeRegionCode
      ? describeDivision(mediator.homeRegionCode, extras.language)
      : null,
    dialects: mediator.dialects,
    specialties: mediator.specialties,
    stationIds: extras.stationIds,
    capacity: mediator.capacity,
    activeCases: extras.activeCases,
    status: mediator.status,
    ...(extras.leavePeriods
      ? {
          leavePeriods: extras.leavePeriods.map((l) => ({
            id: l.id,
            startsOn: l.startsOn,
            endsOn: l.endsOn,
            reason: l.reason,
          })),
        }
      : {}),
    ...(extras.conflicts
      ? {
          conflicts: extras.conflicts.map((c) => ({
            id: c.id,
            kind: c.kind,
            name: c.name,
            creditCode: c.creditCode,
            organisationId: c.organisationId,
            personId: c.personId,
            relation: c.relation,
          })),
        }
      : {}),
    createdAt: mediator.createdAt,
    updatedAt: mediator.updatedAt,
  };
}

export type MediatorView = ReturnType<typeof mediatorView>;
