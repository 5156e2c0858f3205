import { findConflicts, normaliseRoom, overlaps, resourcesOf } from './booking-conflict-detector';

const at = (hhmm: string) => new Date(`2026-11-10T${hhmm}:00+08:00`);
const booking = (sessionId: string, resourceKey: string, from: string, to: string) => ({
  sessionId,
  resourceKey,
  startsAt: at(from),
  endsAt: at(to),
});

describe('BookingConflictDetector', () => {
  it('treats sessions that only touch as not overlapping', () => {
    expect(overlaps(booking('a', 'k', '09:00', '10:00'), booking('b', 'k', '10:00', '11:00'))).toBe(
      false,
    );
    expect(overlaps(booking('a', 'k', '09:00', '10:01'), booking('b', 'k', '10:00', '11:00'))).toBe(
      true,
    );
    expect(overlaps(booking('a', 'k', '09:00', '12:00'), booking('b', 'k', '10:00', '11:00'))).toBe(
      true,
    );
  });

  it('names each conflicting resource and session, earliest first', () => {
    const existing = [
      booking('s2', 'room:st:room 2', '10:30', '11:30'),
      booking('s1', 'mediator:m1', '09:30', '10:30'),
      booking('s3', 'mediator:m2', '09:00', '12:00'),
      booking('s4', 'mediator:m1', '13:00', '14:00'),
    ];
    const conflicts = findConflicts(
      {
        sessionId: null,
        resourceKeys: ['mediator:m1', 'room:st:room 2'],
        startsAt: at('10:00'),
        endsAt: at('11:00'),
      },
      existing,
    );
    expect(conflicts.map((c) => `${c.resourceKey}@${c.sessionId}`)).toEqual([
      'mediator:m1@s1',
      'room:st:room 2@s2',
    ]);
  });

  it('does not let a rescheduled session collide with itself', () => {
    const existing = [booking('s1', 'mediator:m1', '09:00', '10:00')];
    expect(
      findConflicts(
        {
          sessionId: 's1',
          resourceKeys: ['mediator:m1'],
          startsAt: at('09:30'),
          endsAt: at('10:30'),
        },
        existing,
      ),
    ).toEqual([]);
  });

  it('books each mediator once and the room by station, in a stable order', () => {
    const resources = resourcesOf({
      stationId: 'st',
      room: ' Ｒｏｏｍ  2 ',
      mediatorIds: ['m2', 'm1', 'm2'],
    });
    expect(resources.map((r) => r.key)).toEqual(['mediator:m1', 'mediator:m2', 'room:st:room 2']);
    expect(resources[2].label).toBe(' Ｒｏｏｍ  2 ');
    expect(normaliseRoom('调解室 一')).toBe('调解室 一');
    expect(resourcesOf({ stationId: 'st', room: null, mediatorIds: [] })).toEqual([]);
  });
});
