import {
  creditCodeCheckCharacter,
  isE164Phone,
  isResidentId,
  isUnifiedSocialCreditCode,
  residentIdCheckDigit,
} from './identity-checks';

describe('GB 11643 resident identity number', () => {
  it('computes the check digit (worked example from the standard: 11010519491231002X)', () => {
    expect(residentIdCheckDigit('11010519491231002')).toBe('X');
    expect(isResidentId('11010519491231002X')).toBe(true);
  });
  it('rejects a wrong check digit, an impossible date, a future date and a bad shape', () => {
    expect(isResidentId('110105194912310021')).toBe(false);
    expect(isResidentId('110105194902300025')).toBe(false);
    expect(isResidentId(`5205022${new Date().getFullYear() + 1}0101001`.slice(0, 17) + '0')).toBe(
      false,
    );
    expect(isResidentId('11010519491231002x')).toBe(false);
    expect(isResidentId('1101051949123100')).toBe(false);
  });
});

describe('GB 32100 unified social credit code', () => {
  it('accepts codes with a correct check character', () => {
    // Built from a 17-character base, then checked against an independently computed example.
    const base = '91330782MA2A1B2C3';
    expect(isUnifiedSocialCreditCode(base + creditCodeCheckCharacter(base))).toBe(true);
    expect(isUnifiedSocialCreditCode('91350100M000100Y43')).toBe(true);
  });
  it('rejects a wrong check character and forbidden letters', () => {
    expect(isUnifiedSocialCreditCode('91350100M000100Y44')).toBe(false);
    expect(isUnifiedSocialCreditCode('91350100M000100I43')).toBe(false);
    expect(isUnifiedSocialCreditCode('9135010')).toBe(false);
  });
});

describe('E.164 phone numbers', () => {
  it('accepts valid numbers of several countries', () => {
    expect(isE164Phone('+8613812345678')).toBe(true);
    expect(isE164Phone('+967771234567')).toBe(true);
    expect(isE164Phone('+923001234567')).toBe(true);
  });
  it('rejects local formats and impossible numbers', () => {
    expect(isE164Phone('13812345678')).toBe(false);
    expect(isE164Phone('+86 138 1234 5678')).toBe(false);
    expect(isE164Phone('+861234')).toBe(false);
  });
});
