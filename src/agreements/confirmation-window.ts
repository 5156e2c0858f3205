import { chinaDay } from '../common/calendar/china-day';
import { confirmationDeadline } from './agreement-content';

/**
 * The days on which the parties' joint application for judicial confirmation (Art. 33) can be
 * recorded as made: from the China calendar day the agreement took effect to the day its 30-day
 * window closes, and never a day that has not come yet. Days are YYYY-MM-DD in UTC+8, as the
 * committees and the statistics count them.
 */
export interface ConfirmationWindow {
  /** The day the agreement took effect. */
  first: string;
  /** The day the 30-day window closes. */
  deadline: string;
  /** The last day an application can be recorded as made today: the deadline, or today if earlier. */
  last: string;
}

export function confirmationWindow(effectiveAt: Date, now: Date): ConfirmationWindow {
  const first = chinaDay(effectiveAt);
  const deadline = chinaDay(confirmationDeadline(effectiveAt));
  const today = chinaDay(now);
  return { first, deadline, last: today < deadline ? today : deadline };
}

/** Whether `appliedOn` (YYYY-MM-DD) falls inside the window; string order is day order. */
export function isInConfirmationWindow(appliedOn: string, window: ConfirmationWindow): boolean {
  return appliedOn >= window.first && appliedOn <= window.last;
}
