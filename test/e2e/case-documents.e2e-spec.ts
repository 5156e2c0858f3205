import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import request from 'supertest';
import { formatClauseDate } from '../../src/agreements/clause-library/clause-library';
import { confirmationFilingDeadline } from '../../src/documents/confirmation-application-content';
import { mediatingCase, yemeniMerchantCase } from './support/case-factory';
import {
  hasPoppler,
  keepArtifacts,
  pdffonts,
  pdfJsText,
  pdftotext,
  squeeze,
} from './support/pdf-text';
import { ADMIN, DEMO, startTestApp, TestApp } from './support/test-app';

type Language = 'ar' | 'hi' | 'ru';
interface Sample {
  nationality: string;
  name: string;
  nameZh: string;
  latin: string;
  said: string;
  saidZh: string;
  opening: string;
  transit: string;
  reason: string;
}

// An applicant of each language against a Chinese company, with what was said and translated.
const SAMPLES: Record<Language, Sample> = {
  ar: {
    nationality: 'YE',
    name: 'أحمد الحسن',
    nameZh: '艾哈迈德·哈桑',
    latin: 'Ahmed Al-Hassan',
    said: 'وصلت 120 كرتونة مكسورة، وهذه الفاتورة.',
    saidZh: '有120箱到货时是破的，这是发票。',
    transit: 'كانت البضاعة سليمة عند خروجها من المصنع، والكسر حدث أثناء النقل.',
    opening: 'نجتمع اليوم للوساطة في النزاع حول الأكواب الزجاجية المكسورة.',
    reason: 'لم يتفق الطرفان على مبلغ التعويض.',
  },
  hi: {
    nationality: 'IN',
    name: 'राजेश कुमार',
    nameZh: '拉杰什·库马尔',
    latin: 'Rajesh Kumar',
    said: 'माल के 120 डिब्बे टूटे हुए पहुँचे, यह चालान है।',
    saidZh: '有120箱到货时是破的，这是发票。',
    transit: 'माल कारखाने से सही-सलामत निकला था, टूट-फूट रास्ते में हुई।',
    opening: 'आज हम टूटे हुए काँच के गिलासों के विवाद में मध्यस्थता कर रहे हैं।',
    reason: 'पक्षकार मुआवज़े की राशि पर सहमत नहीं हुए।',
  },
  ru: {
    nationality: 'RU',
    name: 'Иван Петров',
    nameZh: '伊万·彼得罗夫',
    latin: 'Ivan Petrov',
    said: '120 коробок пришли разбитыми, вот накладная.',
    saidZh: '有120箱到货时是破的，这是发票。',
    transit: 'Товар покинул завод целым, бой произошёл при перевозке.',
    opening: 'Сегодня мы проводим примирение по спору о разбитых стеклянных стаканах.',
    reason: 'Стороны не договорились о сумме возмещения.',
  },
};
const REASON_ZH = '双方未能就赔偿金额达成一致。';

// The agreed case's texts, as a person translated them from the Chinese.
const AGREED: Record<
  Language,
  { facts: string; matters: string; duty: string; method: string; place: string; notes: string }
> = {
  ar: {
    facts: 'اختلف الطرفان حول جودة البضائع المسلَّمة.',
    matters: 'مبلغ التعويض عن البضاعة المكسورة.',
    duty: 'يتحمل المدعى عليه الكسر الذي حدث أثناء النقل.',
    method: 'تحويل مصرفي إلى حساب مقدم الطلب',
    place: 'ييوو، تشجيانغ',
    notes: 'وصل المبلغ كاملاً في 28 يونيو.',
  },
  hi: {
    facts: 'पक्षकारों के बीच दिए गए माल की गुणवत्ता को लेकर विवाद है।',
    matters: 'टूटे माल के मुआवज़े की राशि।',
    duty: 'परिवहन के दौरान हुई टूट-फूट की ज़िम्मेदारी प्रतिवादी की है।',
    method: 'आवेदक के खाते में बैंक अंतरण',
    place: 'ईवू, झेजियांग',
    notes: 'राशि 28 जून को पूरी प्राप्त हो गई।',
  },
  ru: {
    facts: 'Стороны разошлись во мнениях о качестве поставленного товара.',
    matters: 'Размер возмещения за разбитый товар.',
    duty: 'За бой при перевозке отвечает ответчик.',
    method: 'Банковский перевод на счёт заявителя',
    place: 'Иу, Чжэцзян',
    notes: 'Сумма полностью поступила 28 июня.',
  },
};

const locale = (language: string) =>
  JSON.parse(
    readFileSync(join(__dirname, '..', '..', 'locales', language, 'documents.json'), 'utf8'),
  ) as Record<string, Record<string, string>>;

/** poppler places Arabic-script marks (hamza above, harakat) as separate characters. */
const unmarked = (text: string) => squeeze(text).replace(/[\u064b-\u065f\u0670]/g, '');

/** pdftotext of each page, in layout mode (table rows stay on one line). */
function popplerPages(pdf: Buffer, layout = false): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'case-file-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    const args = ['-enc', 'UTF-8', ...(layout ? ['-layout'] : []), join(dir, 'doc.pdf'), '-'];
    return execFileSync('pdftotext', args).toString('utf8').split('\f').slice(0, -1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const hasQpdf = (): boolean => !spawnSync('qpdf', ['--version']).error;

/** What a PDF/A-3b archive copy must carry: the identification, an output intent, fonts embedded, clean syntax. */
function expectPdfA3b(pdf: Buffer, name: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'pdfa-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    // Uncompressed, so the XMP packet and the catalog can be read as text.
    execFileSync('qpdf', [
      '--qdf',
      '--object-streams=disable',
      join(dir, 'in.pdf'),
      join(dir, 'out.pdf'),
    ]);
    const text = readFileSync(join(dir, 'out.pdf')).toString('latin1');
    expect({ name, part: /pdfaid:part(>|=")3/.test(text) }).toEqual({ name, part: true });
    expect({ name, conformance: /pdfaid:conformance(>|=")B/.test(text) }).toEqual({
      name,
      conformance: true,
    });
    expect({ name, intent: /\/OutputIntents\s*\[/.test(text) && /\/GTS_PDFA1/.test(text) }).toEqual(
      {
        name,
        intent: true,
      },
    );
    const check = spawnSync('qpdf', ['--check', join(dir, 'in.pdf')], { encoding: 'utf8' });
    expect({ name, status: check.status, out: check.stdout }).toMatchObject({ name, status: 0 });
    expect(check.stdout).toContain('No syntax or stream encoding errors found');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  expect(pdffonts(pdf).filter((f) => !f.embedded || !f.subset)).toEqual([]);
}

describe('Case documents: session records, termination notices, judicial confirmation and the case file', () => {
  let t: TestApp;
  let clerk: string;
  let station: string;
  let staffMediator: string;
  let mediator: string;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.login(ADMIN.username, ADMIN.password);
    station = (
      await t
        .as(admin)
        .post('/api/v1/stations')
        .send({
          code: `CDOC-${Date.now().toString(36).toUpperCase()}`,
          nameZh: '卷宗测试调解委员会',
          nameEn: 'Case file test committee',
          kind: 'mediation_committee',
          countyCode: '330782',
          caseNumberFormat: '（{year}）卷测字第{seq:4}号',
          panelPolicy: {
            staffMediatorForForeignParty: true,
            everyPartyLanguageCovered: false,
            maxMediators: 3,
          },
        })
        .expect(201)
    ).body.id;
    staffMediator = (
      await t
        .as(admin)
        .post('/api/v1/mediators')
        .send({
          kind: 'staff',
          sex: 'male',
          nameOriginal: '王建华',
          nationality: 'CN',
          stationIds: [station],
          capacity: 50,
          languages: [
            { tag: 'zh-CN', level: 'native' },
            { tag: 'en', level: 'working' },
          ],
        })
        .expect(201)
    ).body.id;
    const user = async (role: string, extra: Record<string, unknown>) => {
      const username = `${role}.casedocs`;
      await t
        .as(admin)
        .post('/api/v1/users')
        .send({ username, displayName: '卷宗测试', password: 'CaseDocs!2026', role, ...extra })
        .expect(201);
      return t.login(username, 'CaseDocs!2026');
    };
    clerk = await user('clerk', { stationId: station });
    mediator = await user('mediator', { mediatorId: staffMediator });
  });
  afterAll(() => t.close());

  const api = () => t.as(clerk, 'en');
  const pdf = async (path: string, token = clerk): Promise<Buffer> =>
    (
      await request(t.http)
        .get(path)
        .set('Authorization', `Bearer ${token}`)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200)
        .expect('Content-Type', 'application/pdf')
    ).body as Buffer;

  const text = (zh: string, language: string, other: string) => ({
    original: { language: 'zh-CN', text: zh },
    translations: [{ language, text: other, translatedBy: '金城站翻译 李娜', checked: true }],
  });

  /** A case of an applicant speaking `language`, mediating, with the rights notices delivered. */
  async function caseOf(language: Language, respondentLanguage?: Language) {
    const sample = SAMPLES[language];
    const body = yemeniMerchantCase(station) as {
      parties: { person?: Record<string, unknown> }[];
      account: unknown;
      requests: unknown;
    };
    body.parties[0] = { ...body.parties[0], person: { ...body.parties[0].person } };
    Object.assign(body.parties[0].person!, {
      nameOriginal: sample.name,
      nameLatin: sample.latin,
      nameZh: sample.nameZh,
      nationality: sample.nationality,
      identityDocument: {
        type: 'passport',
        number: `P${Math.floor(Math.random() * 1e8)}`,
        country: sample.nationality,
      },
      preferredLanguages: [language],
    });
    body.account = {
      original: { language, text: sample.said },
      translations: [
        { language: 'zh-CN', text: sample.saidZh, translatedBy: '金城站翻译 李娜', checked: true },
      ],
    };
    body.requests = text('请求赔偿破损货物损失。', language, sample.said);
    if (respondentLanguage) {
      // A person, not the usual Chinese company: another foreign merchant who bought from them.
      const other = SAMPLES[respondentLanguage];
      body.parties[1] = {
        role: 'respondent',
        person: {
          nameOriginal: other.name,
          nameLatin: other.latin,
          nameZh: other.nameZh,
          sex: 'male',
          birthYear: 1979,
          nationality: other.nationality,
          identityDocument: {
            type: 'passport',
            number: `R${Math.floor(Math.random() * 1e8)}`,
            country: other.nationality,
          },
          preferredLanguages: [respondentLanguage],
          occupation: 'merchant',
        },
      } as (typeof body.parties)[number];
    }
    const c = await mediatingCase(api(), body);
    for (const p of c.parties)
      await api()
        .post(`/api/v1/cases/${c.id}/parties/${p.id}/rights-notice`)
        .send({ language: p.role === 'applicant' ? language : (respondentLanguage ?? 'zh-CN') })
        .expect(200);
    const panel = (await api().get(`/api/v1/cases/${c.id}/panel`).expect(200)).body;
    const members = (panel.members ?? panel.seats) as { mediatorId: string; role: string }[];
    const applicant = c.parties.find((p) => p.role === 'applicant')!.id;
    const respondent = c.parties.find((p) => p.role === 'respondent')!.id;
    return { ...c, applicant, respondent, panelIds: members.map((m) => m.mediatorId) };
  }

  let day = 1;
  /** A session held and signed: applicant in their language, the company in Chinese, an invoice shown. */
  async function heldSession(c: Awaited<ReturnType<typeof caseOf>>, language: Language) {
    const sample = SAMPLES[language];
    const d = String(day++).padStart(2, '0');
    const s = (
      await api()
        .post(`/api/v1/cases/${c.id}/sessions`)
        .send({
          startsAt: `2027-04-${d}T09:30`,
          endsAt: `2027-04-${d}T11:00`,
          room: '第二调解室',
          publicity: 'private',
          privateReason: 'trade_secret',
          languages: [language, 'zh-CN'],
          participants: {
            partyIds: [c.applicant, c.respondent],
            panelMemberIds: c.panelIds.slice(0, 1),
          },
        })
        .expect(201)
    ).body as { id: string; expectedParticipants: { key: string }[] };
    const base = `/api/v1/cases/${c.id}/sessions/${s.id}/record`;
    const invoice = (
      await api()
        .post(`/api/v1/cases/${c.id}/attachments`)
        .field('kind', 'evidence')
        .attach(
          'file',
          Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
          'invoice-2026-117.pdf',
        )
        .expect(201)
    ).body.id as string;
    await api()
      .put(`${base}/attendance`)
      .send({ marks: s.expectedParticipants.map((p) => ({ key: p.key, present: true })) })
      .expect(200);
    const say = (body: Record<string, unknown>) =>
      api().post(`${base}/entries`).send(body).expect(201);
    await say({
      speaker: { kind: 'mediator', mediatorId: c.panelIds[0], name: '王建华' },
      text: text('今天调解关于破损玻璃杯的纠纷。', language, sample.opening),
    });
    await say({
      speaker: { kind: 'party', partyId: c.applicant, name: sample.name },
      text: {
        original: { language, text: sample.said },
        translations: [
          { language: 'zh-CN', text: sample.saidZh, translatedBy: '李娜', checked: true },
        ],
      },
      shownAttachmentIds: [invoice],
    });
    await say({
      speaker: { kind: 'party', partyId: c.respondent, name: '陈建国' },
      text: text('货物出厂时是完好的，破损发生在运输途中。', language, sample.transit),
    });
    await api()
      .post(`${base}/signatures`)
      .send({
        signatures: [
          { signerKind: 'mediator', mediatorId: c.panelIds[0], name: '王建华', method: 'signed' },
          { signerKind: 'party', partyId: c.applicant, name: sample.name, method: 'fingerprinted' },
          { signerKind: 'party', partyId: c.respondent, name: '陈建国', method: 'sealed' },
        ],
      })
      .expect(200);
    return s.id;
  }

  /** Title and the applicant's name in Chinese and in the party's script, as poppler extracts them. */
  async function expectBilingual(
    document: Buffer,
    titleKey: [string, string],
    language: Language,
    artifact: string,
  ) {
    keepArtifacts(document, artifact);
    const sample = SAMPLES[language];
    const [section, key] = titleKey;
    const zhTitle = locale('zh-CN')[section][key];
    const title = locale(language)[section][key];
    expect(squeeze(await pdfJsText(document))).toContain(squeeze(zhTitle));
    expect(pdffonts(document).filter((f) => !f.embedded || !f.subset)).toEqual([]);
    if (!hasPoppler()) return;
    const poppler = unmarked(pdftotext(document));
    for (const needle of [zhTitle, title, sample.nameZh, sample.name])
      expect({ artifact, needle, found: poppler.includes(unmarked(needle)) }).toEqual({
        artifact,
        needle,
        found: true,
      });
  }

  /** Each index row's page is where that document's title is, and the page before is not its own. */
  function expectIndexMatchesPages(file: Buffer, label: string) {
    if (!hasPoppler()) return;
    // poppler may move a bracket to the other end of a line next to right-to-left text.
    const bare = (s: string) => squeeze(s).replace(/[（）()]/g, '');
    const pages = popplerPages(file).map(bare);
    const layoutPages = popplerPages(file, true);
    const rows: { n: number; title: string; page: number }[] = [];
    for (const page of layoutPages.slice(1, 4))
      for (const raw of page.split('\n')) {
        const line = raw.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
        const m = /^\s*(\d+)\s+(\S.*?)\s{2,}(\d{4}年\d{1,2}月\d{1,2}日)\s+(\d+)\s*$/.exec(line);
        // A session record's row names the session: 调解笔录（第1次调解）; the page's title is 调解笔录.
        if (m)
          rows.push({
            n: Number(m[1]),
            title: m[2].trim().replace(/（.*$/, ''),
            page: Number(m[4]),
          });
      }
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(rows.map((r) => r.n)).toEqual(rows.map((_r, i) => i + 1));
    const firstDocumentPage = rows[0].page;
    rows.forEach((row, i) => {
      const own = pages[row.page - 1] ?? '';
      expect({
        label,
        row: row.n,
        title: row.title,
        onItsPage: own.includes(bare(row.title)),
      }).toEqual({
        label,
        row: row.n,
        title: row.title,
        onItsPage: true,
      });
      if (i > 0) expect(row.page).toBeGreaterThan(rows[i - 1].page);
      // The page before belongs to the previous document (or is the index): not this one's start.
      const before = pages[row.page - 2] ?? '';
      if (row.page - 1 >= firstDocumentPage && rows[i - 1]?.title !== row.title)
        expect({ label, row: row.n, before: before.includes(bare(row.title)) }).toEqual({
          label,
          row: row.n,
          before: false,
        });
    });
    expect(rows[rows.length - 1].page).toBeLessThanOrEqual(pages.length);
  }

  for (const language of ['ar', 'hi', 'ru'] as Language[]) {
    it(`terminated case, ${language} applicant: session record, termination notice and the case file`, async () => {
      const c = await caseOf(language);
      const sessionId = await heldSession(c, language);
      const docs = `/api/v1/cases/${c.id}/documents`;

      const early = await api().get(`${docs}/termination-notices/${sessionId}/${c.applicant}.pdf`);
      expect({ status: early.status, code: early.body.code }).toEqual({
        status: 409,
        code: 'NO_TERMINATION',
      });
      await api()
        .post(`/api/v1/cases/${c.id}/sessions/${sessionId}/outcome`)
        .send({
          kind: 'terminated',
          routesExplained: ['arbitration', 'administrative', 'court'],
          reason: {
            original: { language: 'zh-CN', text: REASON_ZH },
            translations: [
              { language, text: SAMPLES[language].reason, translatedBy: '李娜', checked: true },
            ],
          },
        })
        .expect(201);

      const listed = (await api().get(docs).expect(200)).body;
      expect(
        listed.terminationNotices[0].copies.map((x: { partyId: string }) => x.partyId),
      ).toEqual([c.applicant, c.respondent]);
      const record = await pdf(`${docs}/session-records/${sessionId}/${c.applicant}.pdf`);
      await expectBilingual(record, ['record', 'title'], language, `session-record-${language}`);
      const recordText = squeeze(await pdfJsText(record));
      expect(recordText).toContain(squeeze('invoice-2026-117.pdf'));
      expect(recordText).toContain(squeeze(SAMPLES[language].saidZh));

      const notice = await pdf(listed.terminationNotices[0].copies[0].url);
      await expectBilingual(
        notice,
        ['termination', 'title'],
        language,
        `termination-notice-${language}`,
      );
      const noticeText = squeeze(await pdfJsText(notice));
      for (const key of ['arbitration', 'administrative', 'court'])
        expect(noticeText).toContain(squeeze(locale('zh-CN').termination[key]));
      expect(noticeText).toContain(squeeze(REASON_ZH));
      // The same copy renders to the same bytes.
      expect(Buffer.compare(await pdf(listed.terminationNotices[0].copies[0].url), notice)).toBe(0);

      const file = await pdf(`${docs}/case-file.pdf`);
      keepArtifacts(file, `case-file-terminated-${language}`);
      expectIndexMatchesPages(file, `terminated-${language}`);
      const fileText = squeeze(await pdfJsText(file));
      for (const title of [
        locale('zh-CN').caseFile.coverTitle,
        locale(language).caseFile.coverTitle,
        locale('zh-CN').termination.title,
        locale('zh-CN').record.title,
        locale('zh-CN').notice.title,
      ])
        expect(unmarked(fileText)).toContain(unmarked(title));
      expect(pdffonts(file).filter((f) => !f.embedded || !f.subset)).toEqual([]);
      expect(Buffer.compare(await pdf(`${docs}/case-file.pdf`), file)).toBe(0);
    }, 120_000);
  }

  for (const language of ['ar', 'hi', 'ru'] as Language[]) {
    it(`agreed case, ${language} applicant: agreement in effect, judicial confirmation, follow-up, the case file and its archive copy`, async () => {
      const sample = SAMPLES[language];
      const c = await caseOf(language);
      const sessionId = await heldSession(c, language);
      const docs = `/api/v1/cases/${c.id}/documents`;
      await api()
        .post(`/api/v1/cases/${c.id}/sessions/${sessionId}/outcome`)
        .send({
          kind: 'agreement_reached',
          agreementForm: 'written',
          performanceDeadline: '2027-06-30',
        })
        .expect(201);
      const wrong = await api().get(`${docs}/termination-notices/${sessionId}/${c.applicant}.pdf`);
      expect({ status: wrong.status, code: wrong.body.code }).toEqual({
        status: 409,
        code: 'NO_TERMINATION',
      });

      const agreement = (
        await api()
          .post(`/api/v1/cases/${c.id}/agreements`)
          .send({
            facts: text('双方就所交付货物的质量发生争议。', language, AGREED[language].facts),
            mattersInDispute: text('破损货物的赔偿金额。', language, AGREED[language].matters),
            responsibilities: text(
              '运输途中的破损由被申请人承担。',
              language,
              AGREED[language].duty,
            ),
            terms: [
              {
                kind: 'clause',
                clause: 'lump_sum_payment',
                params: {
                  payer: 'respondent:1',
                  payee: 'applicant:1',
                  amount: { amount: '20760.00', currency: 'USD' },
                  dueDate: '2027-06-30',
                  method: 'bank_transfer',
                },
              },
            ],
            performance: {
              method: text('银行转账至申请人账户', language, AGREED[language].method),
              place: text('浙江省义乌市', language, AGREED[language].place),
              deadline: '2027-06-30',
            },
            copies: 3,
            mediators: [{ name: '王建华' }],
          })
          .expect(201)
      ).body;
      const issued = (await api().post(`/api/v1/agreements/${agreement.id}/issue`).expect(200))
        .body;
      const confirmation = `${docs}/judicial-confirmation/${agreement.id}/${c.applicant}.pdf`;
      const notYet = await api().get(confirmation);
      expect({ status: notYet.status, code: notYet.body.code }).toEqual({
        status: 409,
        code: 'NO_EFFECTIVE_AGREEMENT',
      });
      for (const signer of [
        { signerKind: 'party', signerRef: c.applicant, method: 'fingerprinted' },
        { signerKind: 'party', signerRef: c.respondent, method: 'sealed' },
        { signerKind: 'mediator', signerRef: 'mediator:1', method: 'signed' },
      ])
        await api().post(`/api/v1/agreements/${agreement.id}/signatures`).send(signer).expect(201);
      const effective = (
        await api()
          .post(`/api/v1/agreements/${agreement.id}/signatures`)
          .send({ signerKind: 'committee', signerRef: 'committee', method: 'sealed' })
          .expect(201)
      ).body;
      expect(effective.state).toBe('effective');

      const application = await pdf(confirmation);
      await expectBilingual(
        application,
        ['confirmation', 'title'],
        language,
        `judicial-confirmation-${language}`,
      );
      const applicationText = squeeze(await pdfJsText(application));
      const deadline = confirmationFilingDeadline(new Date(effective.effectiveAt));
      for (const needle of [
        formatClauseDate(deadline, 'zh-CN'),
        issued.verificationCode,
        '义乌市人民法院',
        locale('zh-CN').confirmation.undertaking,
      ])
        expect({ needle, found: applicationText.includes(squeeze(needle)) }).toEqual({
          needle,
          found: true,
        });

      // Follow-up visits are the mediators' to record.
      await t
        .as(mediator)
        .post(`/api/v1/cases/${c.id}/follow-ups`)
        .send({
          visitedOn: '2027-07-02',
          visitedByName: '王建华',
          visitedByMediatorId: staffMediator,
          performance: 'fully',
          satisfaction: [
            { partyId: c.applicant, level: 'satisfied' },
            { partyId: c.respondent, level: 'neutral' },
          ],
          wentToCourt: false,
          notes: text('款项已于6月28日全额到账。', language, AGREED[language].notes),
        })
        .expect(201);
      await api().post(`/api/v1/cases/${c.id}/transitions`).send({ to: 'closed' }).expect(200);

      const file = await pdf(`${docs}/case-file.pdf`);
      keepArtifacts(file, `case-file-agreed-${language}`);
      expectIndexMatchesPages(file, `agreed-${language}`);
      const fileText = squeeze(await pdfJsText(file));
      for (const title of [
        locale('zh-CN').agreement.title,
        locale('zh-CN').caseFile.followUp,
        locale('zh-CN').caseFile.registration,
        locale('zh-CN').caseFile.custodyPeriod.long,
        '款项已于6月28日全额到账。',
        '性别：男；出生年份：1985；职业：merchant',
        sample.nameZh,
      ])
        expect({ title, found: fileText.includes(squeeze(title)) }).toEqual({ title, found: true });
      if (hasPoppler()) {
        const poppler = unmarked(pdftotext(file));
        // Free text in the party's language: poppler gives Devanagari and Cyrillic clauses whole.
        const own = language === 'ar' ? [] : [AGREED[language].notes, AGREED[language].facts];
        for (const needle of [locale(language).caseFile.coverTitle, sample.name, ...own])
          expect({ needle, found: poppler.includes(unmarked(needle)) }).toEqual({
            needle,
            found: true,
          });
      }
      const cover = await pdf(`${docs}/case-file-cover.pdf`);
      keepArtifacts(cover, `case-file-cover-${language}`);
      // The cover's index gives the same page numbers as the whole file's.
      if (hasPoppler())
        expect(
          popplerPages(cover, true)[1]
            .replace(/\s+/g, ' ')
            .replace(/第\s*\d+\s*页.*/s, ''),
        ).toEqual(
          popplerPages(file, true)[1]
            .replace(/\s+/g, ' ')
            .replace(/第\s*\d+\s*页.*/s, ''),
        );

      if (!hasQpdf()) {
        console.log('qpdf not installed: skipping the PDF/A checks');
        return;
      }
      const archive = await pdf(`${docs}/case-file.pdf?archive=true`);
      expectPdfA3b(archive, `case file ${language}`);
      expectPdfA3b(
        await pdf(`/api/v1/agreements/${agreement.id}/copies/${c.applicant}.pdf?archive=true`),
        `agreement copy ${language}`,
      );
      // Not an archive copy: no PDF/A identification.
      expect(file.toString('latin1')).not.toMatch(/pdfaid:part/);
    }, 180_000);
  }

  it('a case between an Arabic and a Russian party: each copy in Chinese and its own party language, the case file in all three', async () => {
    const c = await caseOf('ar', 'ru');
    const sessionId = await heldSession(c, 'ar');
    const docs = `/api/v1/cases/${c.id}/documents`;
    await api()
      .post(`/api/v1/cases/${c.id}/sessions/${sessionId}/outcome`)
      .send({
        kind: 'terminated',
        routesExplained: ['arbitration', 'administrative', 'court'],
        reason: {
          original: { language: 'zh-CN', text: REASON_ZH },
          translations: [
            { language: 'ar', text: SAMPLES.ar.reason, translatedBy: '李娜', checked: true },
            { language: 'ru', text: SAMPLES.ru.reason, translatedBy: '李娜', checked: true },
          ],
        },
      })
      .expect(201);
    const notice = await pdf(`${docs}/termination-notices/${sessionId}/${c.respondent}.pdf`);
    keepArtifacts(notice, 'termination-notice-respondent-ru');
    const noticeText = squeeze(await pdfJsText(notice));
    expect(noticeText).toContain(squeeze(locale('ru').termination.title));
    expect(noticeText).toContain(squeeze(SAMPLES.ru.name));
    expect(noticeText).toContain(squeeze(SAMPLES.ru.nameZh));
    // The respondent's copy is in Chinese and Russian only.
    expect(noticeText).not.toContain(squeeze(locale('ar').termination.title).slice(0, 6));

    const file = await pdf(`${docs}/case-file.pdf`);
    keepArtifacts(file, 'case-file-terminated-ar-ru');
    expectIndexMatchesPages(file, 'terminated-ar-ru');
    const fileText = squeeze(await pdfJsText(file));
    expect(fileText).toContain(squeeze(locale('ru').caseFile.coverTitle));
    expect(fileText).toContain(squeeze(SAMPLES.ru.reason));
    if (hasPoppler()) {
      const poppler = unmarked(pdftotext(file));
      for (const needle of [locale('ar').caseFile.coverTitle, SAMPLES.ar.name, SAMPLES.ru.name])
        expect({ needle, found: poppler.includes(unmarked(needle)) }).toEqual({
          needle,
          found: true,
        });
    }
  }, 120_000);

  it('serves each caller as its permissions and scope allow, and refuses documents that cannot exist yet', async () => {
    const c = await caseOf('ar');
    const sessionId = await heldSession(c, 'ar');
    const docs = `/api/v1/cases/${c.id}/documents`;
    const record = `${docs}/session-records/${sessionId}/${c.applicant}.pdf`;
    // The mediator on the panel prints the record; the bureau of the county reads the case file
    // but does not issue documents to parties; outside the scope nothing is found.
    await pdf(record, mediator);
    const bureau = await t.login(DEMO.bureauYiwu.username, DEMO.bureauYiwu.password);
    await pdf(`${docs}/case-file.pdf`, bureau);
    await t.as(bureau).get(record).expect(403);
    const bureauOther = await t.login(DEMO.bureauJiaxing.username, DEMO.bureauJiaxing.password);
    await t.as(bureauOther).get(`${docs}/case-file.pdf`).expect(404);
    const otherClerk = await t.login(DEMO.clerkXishan.username, DEMO.clerkXishan.password);
    await t.as(otherClerk).get(record).expect(404);
    await t.as(otherClerk).get(docs).expect(404);

    const unknownAgreement = await api().get(
      `${docs}/judicial-confirmation/${c.id}/${c.applicant}.pdf`,
    );
    expect({ status: unknownAgreement.status, code: unknownAgreement.body.code }).toEqual({
      status: 404,
      code: 'AGREEMENT_NOT_FOUND',
    });
    const unknownParty = await api().get(`${docs}/session-records/${sessionId}/${c.id}.pdf`);
    expect(unknownParty.body.code).toBe('PARTY_NOT_FOUND');

    // A second session: nothing said yet, then a line in a script no embedded font has.
    const later = (
      await api()
        .post(`/api/v1/cases/${c.id}/sessions`)
        .send({
          startsAt: '2027-05-20T09:30',
          endsAt: '2027-05-20T11:00',
          room: '第二调解室',
          publicity: 'public',
          languages: ['ar', 'zh-CN'],
          participants: {
            partyIds: [c.applicant, c.respondent],
            panelMemberIds: c.panelIds.slice(0, 1),
          },
        })
        .expect(201)
    ).body.id as string;
    const laterRecord = `${docs}/session-records/${later}/${c.applicant}.pdf`;
    const empty = await api().get(laterRecord);
    expect({ status: empty.status, code: empty.body.code }).toEqual({
      status: 409,
      code: 'SESSION_NOT_HELD',
    });
    const entry = (
      await api()
        .post(`/api/v1/cases/${c.id}/sessions/${later}/record/entries`)
        .send({
          speaker: { kind: 'invited', name: 'ნინო' },
          text: { original: { language: 'ka', text: 'გამარჯობა' }, translations: [] },
        })
        .expect(201)
    ).body.entries[0].id as string;
    const boxes = await api().get(laterRecord);
    expect({ status: boxes.status, code: boxes.body.code }).toEqual({
      status: 422,
      code: 'UNRENDERABLE_TEXT',
    });
    expect(boxes.body.message).toContain('U+10D2');
    expect(boxes.body.details[0].message).toContain('ნ');
    // The case file holds that record too: it is refused the same way until the line is gone.
    expect((await api().get(`${docs}/case-file.pdf`)).status).toBe(422);
    await api()
      .delete(`/api/v1/cases/${c.id}/sessions/${later}/record/entries/${entry}`)
      .expect(200);
    await pdf(`${docs}/case-file.pdf`);
  }, 120_000);
});
