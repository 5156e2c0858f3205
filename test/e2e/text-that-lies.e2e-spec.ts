import { yemeniMerchantCase } from './support/case-factory';
import { ADMIN, DEMO, startTestApp, tableCounts, TestApp } from './support/test-app';

/**
 * Names and identifiers cannot carry characters that make them display as something else in a
 * list or a PDF (bidi overrides and isolates, zero-width characters, the BOM); they are stored
 * NFC-normalised, and their length is bounded. Every refusal is a 400 naming the field.
 */
const DECEPTIVE: Record<string, string> = {
  'LRE U+202A': '\u202A',
  'RLE U+202B': '\u202B',
  'PDF U+202C': '\u202C',
  'LRO U+202D': '\u202D',
  'RLO U+202E': '\u202E',
  'LRI U+2066': '\u2066',
  'RLI U+2067': '\u2067',
  'FSI U+2068': '\u2068',
  'PDI U+2069': '\u2069',
  'ZWSP U+200B': '\u200B',
  'ZWJ U+200D': '\u200D',
  'WJ U+2060': '\u2060',
  'BOM U+FEFF': '\uFEFF',
  'LRM U+200E': '\u200E',
  'RLM U+200F': '\u200F',
  'ALM U+061C': '\u061C',
};

describe('Text that lies: deceptive characters are refused, names are NFC and bounded', () => {
  let t: TestApp;
  let admin: string;
  let station: string;

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    admin = await t.login(ADMIN.username, ADMIN.password);
    const clerk = await t.login(DEMO.clerkJincheng.username, DEMO.clerkJincheng.password);
    station = (await t.as(clerk).get('/api/v1/stations').expect(200)).body[0].id;
  });
  afterAll(() => t.close());

  function withApplicant(person: Record<string, unknown>) {
    const body = yemeniMerchantCase(station);
    const parties = body.parties as { person?: Record<string, unknown> }[];
    parties[0].person = { ...parties[0].person, ...person };
    return body;
  }

  it.each(Object.entries(DECEPTIVE))(
    'refuses a party name, a Latin name and a document number containing %s, naming each field',
    async (_name, character) => {
      const before = await tableCounts(t.dataSource);
      const body = withApplicant({
        // "Ahmed" reversed into "demhA" on screen by an override, or split by an invisible mark.
        nameOriginal: `أحمد${character}الحسن`,
        nameLatin: `Ahmed ${character}nassaH-lA`,
        identityDocument: { type: 'passport', number: `YE1${character}2345678`, country: 'YE' },
      });
      const res = await t.as(admin).post('/api/v1/cases').send(body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      const failing = res.body.details
        .filter((d: { code: string }) => d.code === 'hasNoDeceptiveCharacters')
        .map((d: { field: string }) => d.field)
        .sort();
      expect(failing).toEqual([
        'parties.0.person.identityDocument.number',
        'parties.0.person.nameLatin',
        'parties.0.person.nameOriginal',
      ]);
      expect(await tableCounts(t.dataSource)).toEqual(before);
    },
  );

  it('refuses deceptive characters in station names and user display names', async () => {
    const station = await t
      .as(admin)
      .post('/api/v1/stations')
      .send({
        code: 'TL-1',
        nameZh: '金城\u202E站',
        nameEn: 'Jincheng\u2066 station',
        kind: 'mediation_committee',
        countyCode: '330481',
        caseNumberFormat: '{year}-{seq:4}',
      })
      .expect(400);
    expect(
      station.body.details
        .filter((d: { code: string }) => d.code === 'hasNoDeceptiveCharacters')
        .map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['nameEn', 'nameZh']);
    const user = await t
      .as(admin)
      .post('/api/v1/users')
      .send({
        username: 'text.lies',
        displayName: 'admin\u200B',
        password: 'TextLies!2026',
        role: 'bureau',
        countyCode: '330700',
      })
      .expect(400);
    expect(user.body.details).toEqual([
      expect.objectContaining({ field: 'displayName', code: 'hasNoDeceptiveCharacters' }),
    ]);
  });

  it('keeps ZWNJ, which Persian spelling needs', async () => {
    const res = await t
      .as(admin)
      .post('/api/v1/cases')
      .send(withApplicant({ nameOriginal: 'می\u200Cخواهم', nationality: 'IR' }))
      .expect(201);
    expect(res.body.parties[0].person.nameOriginal).toBe('می\u200Cخواهم');
  });

  it('stores names NFC-normalised: a decomposed é comes back composed', async () => {
    const decomposed = 'Jose\u0301 Nu\u0303ez';
    expect(decomposed.normalize('NFC')).not.toBe(decomposed);
    const created = await t
      .as(admin)
      .post('/api/v1/cases')
      .send(withApplicant({ nameOriginal: decomposed, nameLatin: decomposed, nationality: 'ES' }))
      .expect(201);
    const read = await t.as(admin).get(`/api/v1/cases/${created.body.id}`).expect(200);
    const person = read.body.parties.find((p: { role: string }) => p.role === 'applicant').person;
    expect(person.nameOriginal).toBe(decomposed.normalize('NFC'));
    expect(person.nameLatin).toBe(decomposed.normalize('NFC'));
    expect(person.nameOriginal.length).toBe(decomposed.length - 2);
  });

  it('bounds lengths: a 201-character name is refused naming the field and the limit', async () => {
    const res = await t
      .as(admin)
      .post('/api/v1/cases')
      .send(withApplicant({ nameOriginal: 'x'.repeat(201) }))
      .expect(400);
    expect(res.body.details).toEqual([
      expect.objectContaining({ field: 'parties.0.person.nameOriginal', code: 'maxLength' }),
    ]);
    expect(res.body.details[0].message).toMatch(/200/);
    // 200 is fine; the bound counts the normalised text, so a decomposed name is not penalised.
    await t
      .as(admin)
      .post('/api/v1/cases')
      .send(withApplicant({ nameOriginal: 'e\u0301'.repeat(200) }))
      .expect(201);
  });

  it('refuses lone surrogates and control characters in names', async () => {
    for (const bad of ['Ahmed\uD800', 'Ahmed\u0000', 'Ahmed\u001B[31m']) {
      const res = await t
        .as(admin)
        .post('/api/v1/cases')
        .send(withApplicant({ nameOriginal: bad }))
        .expect(400);
      expect(res.body.details).toEqual([
        expect.objectContaining({
          field: 'parties.0.person.nameOriginal',
          code: 'isWellFormedText',
        }),
      ]);
    }
  });
});
