import { Role } from './roles';

/** The caller, as the access guard found them in the database for this request. */
export interface AuthenticatedUser {
  id: string;
  username: string;
  role: Role;
  stationId: string | null;
  mediatorId: string | null;
  countyCode: string | null;
}

/**
 * What part of the data a caller may see. Services apply it inside their queries, so a record
 * outside the scope is never loaded, not merely hidden by a controller.
 */
export type DataScope =
  | { kind: 'all' }
  | { kind: 'station'; stationId: string }
  | { kind: 'panel'; mediatorId: string }
  | { kind: 'county'; countyCode: string };

export function scopeOf(user: AuthenticatedUser): DataScope {
  switch (user.role) {
    case 'admin':
      return { kind: 'all' };
    case 'clerk':
      return {
        kind: 'station',
        stationId: user.stationId ?? '00000000-0000-0000-0000-000000000000',
      };
    case 'mediator':
      return {
        kind: 'panel',
        mediatorId: user.mediatorId ?? '00000000-0000-0000-0000-000000000000',
      };
    case 'bureau':
      return { kind: 'county', countyCode: user.countyCode ?? '000000' };
  }
}

/** County codes (GB/T 2260) nest: 330782 is in prefecture 3307.. and province 33..; a bureau of 330700 covers 3307xx. */
export function countyCovers(bureauRegion: string, stationCounty: string): boolean {
  const prefix = bureauRegion.replace(/(00)+$/, '');
  return stationCounty.startsWith(prefix);
}
