import {
  caseStateAfterFollowUp,
  caseStateAfterOutcome,
  followUpDue,
  outcomeNeedsMediatingCase,
  routesNotExplained,
} from './session-outcome-rules';

describe('session outcomes and the case lifecycle', () => {
  it('maps each outcome to the state it moves the case to', () => {
    expect(caseStateAfterOutcome('adjourned')).toBeNull();
    expect(caseStateAfterOutcome('agreement_reached')).toBe('agreement_reached');
    expect(caseStateAfterOutcome('terminated')).toBe('terminated');
    expect(caseStateAfterOutcome('withdrawn')).toBe('withdrawn');
    expect(outcomeNeedsMediatingCase('adjourned')).toBe(false);
    expect(outcomeNeedsMediatingCase('terminated')).toBe(true);
  });

  it('requires all three routes of Art. 26 on a termination', () => {
    expect(routesNotExplained(['court', 'arbitration'])).toEqual(['administrative']);
    expect(routesNotExplained(['administrative', 'court', 'arbitration'])).toEqual([]);
  });

  it('moves an agreement to performed or not performed, and leaves it for partial performance', () => {
    expect(caseStateAfterFollowUp('agreement_reached', 'fully')).toBe('performed');
    expect(caseStateAfterFollowUp('agreement_reached', 'not')).toBe('not_performed');
    expect(caseStateAfterFollowUp('agreement_reached', 'partly')).toBeNull();
    expect(caseStateAfterFollowUp('performed', 'not')).toBeNull();
  });

  it('lists an agreement as due when its deadline passed without a visit since', () => {
    expect(followUpDue('2026-11-30', null, '2026-12-01')).toBe(true);
    expect(followUpDue('2026-11-30', null, '2026-11-30')).toBe(false);
    expect(followUpDue('2026-11-30', '2026-11-20', '2026-12-01')).toBe(true);
    expect(followUpDue('2026-11-30', '2026-12-01', '2026-12-02')).toBe(false);
    expect(followUpDue(null, null, '2026-12-01')).toBe(false);
  });
});
