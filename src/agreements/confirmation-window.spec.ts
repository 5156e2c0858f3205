import { confirmationWindow, isInConfirmationWindow } from './confirmation-window';

describe('confirmation window (Art. 33)', () => {
  // 2026-11-03 23:30 in China (UTC+8): the agreement took effect on the 3rd, China time.
  const effectiveAt = new Date('2026-11-03T15:30:00Z');

  it('runs from the China calendar day of taking effect to the day 30 days later', () => {
    const window = confirmationWindow(effectiveAt, new Date('2027-01-01T00:00:00Z'));
    expect(window).toEqual({ first: '2026-11-03', deadline: '2026-12-03', last: '2026-12-03' });
    expect(isInConfirmationWindow('2026-11-03', window)).toBe(true);
    expect(isInConfirmationWindow('2026-12-03', window)).toBe(true);
    expect(isInConfirmationWindow('2026-11-02', window)).toBe(false);
    expect(isInConfirmationWindow('2026-12-04', window)).toBe(false);
  });

  it('counts days in China, not UTC: 16:00Z is already the next day', () => {
    const window = confirmationWindow(
      new Date('2026-11-03T16:00:00Z'),
      new Date('2026-12-31T00:00:00Z'),
    );
    expect(window.first).toBe('2026-11-04');
    expect(window.deadline).toBe('2026-12-04');
    expect(isInConfirmationWindow('2026-11-03', window)).toBe(false);
  });

  it('ends today while the deadline is still ahead: no application is made in the future', () => {
    // 2026-11-10 01:00 in China.
    const window = confirmationWindow(effectiveAt, new Date('2026-11-09T17:00:00Z'));
    expect(window).toEqual({ first: '2026-11-03', deadline: '2026-12-03', last: '2026-11-10' });
    expect(isInConfirmationWindow('2026-11-10', window)).toBe(true);
    expect(isInConfirmationWindow('2026-11-11', window)).toBe(false);
  });

  it('is a single day on the day the agreement takes effect', () => {
    const window = confirmationWindow(effectiveAt, new Date('2026-11-03T15:45:00Z'));
    expect(window).toMatchObject({ first: '2026-11-03', last: '2026-11-03' });
    expect(isInConfirmationWindow('2026-11-03', window)).toBe(true);
  });

  it('crosses month and year ends', () => {
    const window = confirmationWindow(
      new Date('2026-12-15T02:00:00Z'),
      new Date('2027-03-01T00:00:00Z'),
    );
    expect(window).toMatchObject({ first: '2026-12-15', deadline: '2027-01-14' });
    expect(isInConfirmationWindow('2027-01-14', window)).toBe(true);
    expect(isInConfirmationWindow('2027-01-15', window)).toBe(false);
  });
});
