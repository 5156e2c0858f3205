/**
 * Who and what a session occupies, and which existing bookings it collides with. A mediator, an
 * interpreter or a station room can be in one session at a time; a video link occupies nothing.
 * Intervals are half-open, so a session ending at 10:00 and one starting at 10:00 do not collide.
 */
export type ResourceKind = 'mediator' | 'room';

export interface BookedResource {
  kind: ResourceKind;
  /** mediator:<uuid> or room:<stationId>:<normalised room name>. */
  key: string;
  /** What the conflict message names: the mediator id or the room as written. */
  label: string;
}

export interface Booking {
  sessionId: string;
  resourceKey: string;
  startsAt: Date;
  endsAt: Date;
}

export interface BookingConflict {
  resourceKey: string;
  sessionId: string;
  startsAt: Date;
  endsAt: Date;
}

/** Rooms are compared without case, spacing or width differences ("Room 2" = "room  2" = "Ｒｏｏｍ 2"). */
export function normaliseRoom(room: string): string {
  return room.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function resourcesOf(session: {
  stationId: string;
  room: string | null;
  mediatorIds: string[];
}): BookedResource[] {
  const mediators = [...new Set(session.mediatorIds)].map<BookedResource>((id) => ({
    kind: 'mediator',
    key: `mediator:${id}`,
    label: id,
  }));
  const room: BookedResource[] = session.room
    ? [
        {
          kind: 'room',
          key: `room:${session.stationId}:${normaliseRoom(session.room)}`,
          label: session.room,
        },
      ]
    : [];
  // Sorted keys: transactions lock resources in the same order and cannot deadlock each other.
  return [...mediators, ...room].sort((a, b) => a.key.localeCompare(b.key));
}

export function overlaps(a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }) {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/** Existing bookings of the same resources that overlap the requested time (other sessions only). */
export function findConflicts(
  request: { sessionId: string | null; resourceKeys: string[]; startsAt: Date; endsAt: Date },
  existing: Booking[],
): BookingConflict[] {
  const keys = new Set(request.resourceKeys);
  return existing
    .filter(
      (b) => keys.has(b.resourceKey) && b.sessionId !== request.sessionId && overlaps(b, request),
    )
    .sort(
      (a, b) =>
        a.startsAt.getTime() - b.startsAt.getTime() || a.resourceKey.localeCompare(b.resourceKey),
    )
    .map((b) => ({
      resourceKey: b.resourceKey,
      sessionId: b.sessionId,
      startsAt: b.startsAt,
      endsAt: b.endsAt,
    }));
}
