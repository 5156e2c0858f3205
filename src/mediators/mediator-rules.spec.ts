import { conflictProblems, leaveProblems, onLeave, profileProblems } from './mediator-rules';

describe('mediator registry rules', () => {
  it('asks a native-place mediator for a home region, and only Chinese citizens have one', () => {
    expect(
      profileProblems({ kind: 'native_place', homeRegionCode: null, nationality: 'CN' }),
    ).toEqual([
      {
        field: 'homeRegionCode',
        key: 'mediators:validation.homeRegionRequired',
        params: { field: 'homeRegionCode' },
      },
    ]);
    expect(
      profileProblems({ kind: 'foreign', homeRegionCode: '520502', nationality: 'YE' })[0].key,
    ).toBe('mediators:validation.homeRegionOnlyForChinese');
    expect(
      profileProblems({ kind: 'native_place', homeRegionCode: '520502', nationality: 'CN' }),
    ).toEqual([]);
  });

  it('refuses a leave that ends before it starts or names an impossible date', () => {
    expect(leaveProblems({ startsOn: '2026-12-10', endsOn: '2026-12-01' })[0].key).toBe(
      'mediators:validation.endsBeforeStarts',
    );
    expect(leaveProblems({ startsOn: '2026-02-30', endsOn: '2026-03-01' })[0].field).toBe(
      'startsOn',
    );
    expect(leaveProblems({ startsOn: '2026-12-01', endsOn: '2026-12-01' })).toEqual([]);
  });

  it('counts both ends of a leave period as leave', () => {
    const periods = [{ startsOn: '2026-12-01', endsOn: '2026-12-20' }];
    expect(onLeave(periods, '2026-11-30')).toBe(false);
    expect(onLeave(periods, '2026-12-01')).toBe(true);
    expect(onLeave(periods, '2026-12-20')).toBe(true);
    expect(onLeave(periods, '2026-12-21')).toBe(false);
  });

  it('wants a declared conflict to identify someone, consistently with its kind', () => {
    expect(conflictProblems({ kind: 'person' })[0].key).toBe(
      'mediators:validation.conflictNeedsIdentity',
    );
    expect(conflictProblems({ kind: 'person', creditCode: '91330782MA2A1B2C3X' })[0].key).toBe(
      'mediators:validation.conflictKindMismatch',
    );
    expect(conflictProblems({ kind: 'organisation', name: '恒达公司' })).toEqual([]);
  });
});
