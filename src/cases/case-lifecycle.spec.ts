import {
  allowedNextStates,
  CASE_STATES,
  CASE_TRANSITIONS,
  checkTransition,
  dueDateAfter,
  isOverdue,
} from './case-lifecycle';
import { formatCaseNumber } from './case-number';

describe('case lifecycle table', () => {
  it('follows the law: registered → accepted | declined | refused', () => {
    expect(allowedNextStates('registered')).toEqual(['accepted', 'declined', 'refused']);
  });

  it('reaches mediating only through panel assignment', () => {
    expect(checkTransition('accepted', 'mediating', 'manual')).toEqual({
      ok: false,
      problem: 'wrong-trigger',
      allowed: ['refused', 'withdrawn'],
    });
    expect(checkTransition('accepted', 'mediating', 'panel')).toEqual({
      ok: true,
      reasonRequired: false,
    });
  });

  it('needs a reason to decline, refuse, terminate, withdraw or record non-performance', () => {
    for (const [from, to] of [
      ['registered', 'declined'],
      ['registered', 'refused'],
      ['mediating', 'terminated'],
      ['mediating', 'withdrawn'],
      ['agreement_reached', 'not_performed'],
    ] as const) {
      expect(checkTransition(from, to, 'manual')).toMatchObject({
        ok: false,
        problem: 'reason-required',
      });
      expect(checkTransition(from, to, 'manual', 'the party said so')).toMatchObject({ ok: true });
    }
  });

  it('refuses every transition that is not in the table, naming the allowed ones', () => {
    for (const from of CASE_STATES) {
      for (const to of CASE_STATES) {
        const legal = CASE_TRANSITIONS[from].some((r) => r.to === to);
        const result = checkTransition(from, to, 'manual', 'reason');
        if (!legal)
          expect(result).toEqual({
            ok: false,
            problem: 'illegal',
            allowed: allowedNextStates(from, 'manual'),
          });
      }
    }
  });

  it('ends every path in a final state', () => {
    const finals = CASE_STATES.filter((s) => CASE_TRANSITIONS[s].length === 0);
    expect(finals).toEqual(['declined', 'refused', 'closed']);
  });

  it('counts the one-month limit from acceptance and stops it on conclusion', () => {
    const accepted = new Date('2026-03-01T02:00:00Z');
    const due = dueDateAfter(accepted);
    expect(due.toISOString()).toBe('2026-03-31T02:00:00.000Z');
    expect(isOverdue('mediating', due, new Date('2026-04-01T00:00:00Z'))).toBe(true);
    expect(isOverdue('mediating', due, new Date('2026-03-30T00:00:00Z'))).toBe(false);
    expect(isOverdue('agreement_reached', due, new Date('2026-04-01T00:00:00Z'))).toBe(false);
  });
});

describe('case numbers', () => {
  it('formats the station layout with the year and a padded sequence', () => {
    expect(formatCaseNumber('（{year}）义金外调字第{seq:4}号', 2026, 1)).toBe(
      '（2026）义金外调字第0001号',
    );
    expect(formatCaseNumber('HX-{year}-{seq}', 2026, 12345)).toBe('HX-2026-12345');
  });
});
