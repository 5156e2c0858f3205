import {
  amountFitsCurrency,
  fromMinorUnits,
  isCurrencyCode,
  minorDigits,
  toMinorUnits,
} from './money';

describe('money', () => {
  it('knows ISO 4217 codes and their minor units', () => {
    expect(isCurrencyCode('CNY')).toBe(true);
    expect(isCurrencyCode('AED')).toBe(true);
    expect(isCurrencyCode('XYZ')).toBe(false);
    expect(minorDigits('CNY')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('KWD')).toBe(3);
  });
  it('converts exactly, without floating point', () => {
    expect(toMinorUnits('50000.5', 'CNY')).toBe(5000050n);
    expect(toMinorUnits('0.1', 'USD') + toMinorUnits('0.2', 'USD')).toBe(30n);
    expect(fromMinorUnits(30n, 'USD')).toBe('0.30');
    expect(toMinorUnits('999999999999999.99', 'CNY')).toBe(99999999999999999n);
    expect(fromMinorUnits('99999999999999999', 'CNY')).toBe('999999999999999.99');
    expect(fromMinorUnits(1500n, 'JPY')).toBe('1500');
  });
  it('refuses more decimals than the currency has', () => {
    expect(amountFitsCurrency('10.001', 'CNY')).toBe(false);
    expect(amountFitsCurrency('10.001', 'KWD')).toBe(true);
    expect(amountFitsCurrency('1e5', 'CNY')).toBe(false);
    expect(amountFitsCurrency('-5', 'CNY')).toBe(false);
  });
});
