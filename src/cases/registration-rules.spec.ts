import { RegisterCaseDto } from './dto/register-case.dto';
import { registrationProblems } from './registration-rules';

/** A registration whose only questionable field is its day of receipt. */
const received = (receivedOn: string) =>
  ({ receivedOn, parties: [] }) as unknown as RegisterCaseDto;
const futureDay = (receivedOn: string) =>
  registrationProblems(received(receivedOn)).some((p) => p.field === 'receivedOn');

describe('Day of receipt', () => {
  afterEach(() => jest.useRealTimers());

  it('takes today as China has it: at 01:00 in Yiwu (17:00 UTC) today is already the next day', () => {
    jest.useFakeTimers({ now: new Date('2026-12-04T17:00:00Z') });
    expect(futureDay('2026-12-05')).toBe(false);
    expect(futureDay('2026-12-04')).toBe(false);
    expect(futureDay('2026-12-06')).toBe(true);
  });
});
