import {
  addDays,
  instantOf,
  localParts,
  overlapsWith,
  sessionsByDay,
  weekOf,
} from '../../src/web/client/pages/mediator/session-times';

const booking = (over: Partial<Parameters<typeof overlapsWith>[1][number]> = {}) => ({
  id: 's1',
  startsAt: '2027-06-07T01:30:00.000Z',
  endsAt: '2027-06-07T03:00:00.000Z',
  timeZone: 'Asia/Shanghai',
  status: 'scheduled',
  caseNumber: '（2026）会字第0001号',
  stationId: 'station-a',
  room: '第二调解室',
  mediatorIds: ['m-yemeni', 'm-wang'],
  ...over,
});

describe('session times in the browser', () => {
  it('reads wall time in the session zone both ways', () => {
    expect(instantOf('2027-06-07T09:30', 'Asia/Shanghai').toISOString()).toBe(
      '2027-06-07T01:30:00.000Z',
    );
    expect(localParts('2027-06-07T01:30:00.000Z', 'Asia/Shanghai')).toEqual({
      date: '2027-06-07',
      time: '09:30',
    });
    // A zone with daylight saving on either side of its change.
    expect(instantOf('2027-03-29T09:00', 'Europe/Moscow').toISOString()).toBe(
      '2027-03-29T06:00:00.000Z',
    );
    expect(instantOf('2027-07-01T09:00', 'Europe/Paris').toISOString()).toBe(
      '2027-07-01T07:00:00.000Z',
    );
    expect(instantOf('2027-01-04T09:00', 'Europe/Paris').toISOString()).toBe(
      '2027-01-04T08:00:00.000Z',
    );
  });

  it('gives the Monday-first week of a day and places sessions on their local day', () => {
    expect(weekOf('2027-06-10')).toEqual([
      '2027-06-07',
      '2027-06-08',
      '2027-06-09',
      '2027-06-10',
      '2027-06-11',
      '2027-06-12',
      '2027-06-13',
    ]);
    expect(weekOf('2027-06-07')[0]).toBe('2027-06-07');
    expect(weekOf('2027-06-13')[0]).toBe('2027-06-07');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    // 23:30 UTC on Sunday is Monday morning in China.
    const late = booking({ id: 'late', startsAt: '2027-06-06T23:30:00.000Z' });
    const byDay = sessionsByDay([booking(), late], weekOf('2027-06-07'));
    expect(byDay.get('2027-06-07')!.map((s) => s.id)).toEqual(['late', 's1']);
  });

  it('warns of the same mediator or the same room of the station at an overlapping time', () => {
    const at = (start: string, end: string) => ({
      startsAt: instantOf(start, 'Asia/Shanghai'),
      endsAt: instantOf(end, 'Asia/Shanghai'),
    });
    const mine = [booking()];
    const sameMediator = overlapsWith(
      {
        ...at('2027-06-07T10:00', '2027-06-07T11:30'),
        mediatorIds: ['m-yemeni'],
        room: null,
        stationId: 'station-a',
      },
      mine,
    );
    expect(sameMediator).toEqual([{ session: mine[0], mediatorIds: ['m-yemeni'], room: null }]);
    const sameRoom = overlapsWith(
      {
        ...at('2027-06-07T10:00', '2027-06-07T11:30'),
        mediatorIds: ['m-zhou'],
        room: '第二调解室 ',
        stationId: 'station-a',
      },
      mine,
    );
    expect(sameRoom.map((o) => o.room)).toEqual(['第二调解室']);
    // Touching ends, another station's room of the same name, a cancelled session: no warning.
    expect(
      overlapsWith(
        {
          ...at('2027-06-07T11:00', '2027-06-07T12:00'),
          mediatorIds: ['m-yemeni'],
          room: null,
          stationId: 'station-a',
        },
        mine,
      ),
    ).toEqual([]);
    expect(
      overlapsWith(
        {
          ...at('2027-06-07T10:00', '2027-06-07T11:30'),
          mediatorIds: ['m-zhou'],
          room: '第二调解室',
          stationId: 'station-b',
        },
        mine,
      ),
    ).toEqual([]);
    expect(
      overlapsWith(
        {
          ...at('2027-06-07T10:00', '2027-06-07T11:30'),
          mediatorIds: ['m-yemeni'],
          room: null,
          stationId: 'station-a',
        },
        [booking({ status: 'cancelled' })],
      ),
    ).toEqual([]);
  });
});
