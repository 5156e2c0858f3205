import { chinaDay, chinaToday } from './china-day';

describe('China calendar days', () => {
  afterEach(() => jest.useRealTimers());

  it('turns to the next day at 16:00 UTC, midnight in China', () => {
    expect(chinaDay(new Date('2026-12-04T15:59:59.999Z'))).toBe('2026-12-04');
    expect(chinaDay(new Date('2026-12-04T16:00:00.000Z'))).toBe('2026-12-05');
    expect(chinaDay(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
  });

  it('says what day it is in China while UTC still has the day before', () => {
    jest.useFakeTimers({ now: new Date('2026-12-04T17:00:00Z') });
    expect(chinaToday()).toBe('2026-12-05');
  });
});
