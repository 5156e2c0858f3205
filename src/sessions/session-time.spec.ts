import { isSessionDateTime, isTimeZone, localDate, toInstant } from './session-time';

describe('session time', () => {
  it('reads a local time in Shanghai as eight hours ahead of UTC', () => {
    expect(toInstant('2026-11-10T09:30', 'Asia/Shanghai').toISOString()).toBe(
      '2026-11-10T01:30:00.000Z',
    );
  });

  it('keeps an explicit offset whatever the zone', () => {
    expect(toInstant('2026-11-10T09:30:00+03:00', 'Asia/Shanghai').toISOString()).toBe(
      '2026-11-10T06:30:00.000Z',
    );
  });

  it('follows daylight saving in zones that have it', () => {
    expect(toInstant('2026-07-01T12:00', 'Europe/Moscow').toISOString()).toBe(
      '2026-07-01T09:00:00.000Z',
    );
    expect(toInstant('2026-07-01T12:00', 'Europe/Istanbul').toISOString()).toBe(
      '2026-07-01T09:00:00.000Z',
    );
    expect(toInstant('2026-07-01T12:00', 'Europe/Paris').toISOString()).toBe(
      '2026-07-01T10:00:00.000Z',
    );
    expect(toInstant('2026-01-15T12:00', 'Europe/Paris').toISOString()).toBe(
      '2026-01-15T11:00:00.000Z',
    );
  });

  it('gives the local calendar date of an instant', () => {
    const lateUtc = new Date('2026-11-10T17:00:00Z');
    expect(localDate(lateUtc, 'Asia/Shanghai')).toBe('2026-11-11');
    expect(localDate(lateUtc, 'UTC')).toBe('2026-11-10');
  });

  it('accepts IANA zones and well-formed date-times only', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isSessionDateTime('2026-11-10T09:30')).toBe(true);
    expect(isSessionDateTime('2026-11-10T09:30:00Z')).toBe(true);
    expect(isSessionDateTime('2026-11-10T09:30:00.000+08:00')).toBe(true);
    expect(isSessionDateTime('2026-11-10')).toBe(false);
    expect(isSessionDateTime('2026-13-10T09:30')).toBe(false);
    expect(isSessionDateTime('tomorrow')).toBe(false);
  });
});
