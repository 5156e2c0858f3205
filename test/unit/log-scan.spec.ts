import { findSecrets } from '../e2e/support/log-scan';

describe('log scan patterns', () => {
  const clean = JSON.stringify({
    level: 30,
    time: 1764067200123,
    pid: 48213,
    req: { id: '25acfcbb-8b9d-4311-b630-e18893213171', method: 'POST', path: '/api/v1/cases' },
    res: { statusCode: 201 },
    responseTime: 12,
    msg: 'request completed',
    caseNumber: '（2026）义金外调字第0245号',
  });

  it('passes an ordinary request line: timestamps, ids and case numbers are not personal data', () => {
    expect(findSecrets(clean)).toEqual([]);
  });

  it.each([
    [
      'token',
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
    ],
    ['resident id', '520502199001011230'],
    ['resident id', '52050219900101123X'],
    ['phone', '+8613812345678'],
    ['phone', '13812345678'],
    ['passport', 'YE48213377'],
    ['authorization header', 'Bearer abc'],
    ['password', 'Clerk!2026jc'],
  ])('finds a %s', (kind, secret) => {
    const line = clean.replace('request completed', `request completed ${secret}`);
    expect(findSecrets(line)).toContain(kind);
  });
});
