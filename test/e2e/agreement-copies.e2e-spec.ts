import { readFileSync } from 'fs';
import { join } from 'path';
import request from 'supertest';
import { partyNameIn, PartySnapshot } from '../../src/agreements/agreement-parties';
import { renderClauseTerm } from '../../src/agreements/clause-terms';
import { SupportedLanguage } from '../../src/i18n/languages';
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

type Sample = { nationality: string; name: string; latin: string; facts: string; method: string };

// An applicant of each language against a Chinese company, with the texts a person translated.
const SAMPLES: Record<Exclude<SupportedLanguage, 'zh-CN'>, Sample> = {
  en: {
    nationality: 'GB',
    name: 'John Miller',
    latin: 'John Miller',
    facts: 'The parties disagree about the quality of the goods delivered.',
    method: 'Bank transfer to the applicant’s account',
  },
  ar: {
    nationality: 'YE',
    name: 'أحمد الحسن',
    latin: 'Ahmed Al-Hassan',
    facts: 'اختلف الطرفان حول جودة البضائع المسلَّمة.',
    method: 'تحويل مصرفي إلى حساب مقدم الطلب',
  },
  fa: {
    nationality: 'IR',
    name: 'رضا محمدی',
    latin: 'Reza Mohammadi',
    facts: 'طرفین دربارهٔ کیفیت کالای تحویل‌شده اختلاف دارند.',
    method: 'انتقال بانکی به حساب متقاضی',
  },
  ur: {
    nationality: 'PK',
    name: 'عمران خان بلوچ',
    latin: 'Imran Khan Baloch',
    facts: 'فریقین کے درمیان فراہم کردہ سامان کے معیار پر اختلاف ہے۔',
    method: 'درخواست گزار کے اکاؤنٹ میں بینک ٹرانسفر',
  },
  hi: {
    nationality: 'IN',
    name: 'राजेश कुमार',
    latin: 'Rajesh Kumar',
    facts: 'पक्षकारों के बीच दिए गए माल की गुणवत्ता को लेकर विवाद है।',
    method: 'आवेदक के खाते में बैंक अंतरण',
  },
  ru: {
    nationality: 'RU',
    name: 'Иван Петров',
    latin: 'Ivan Petrov',
    facts: 'Стороны разошлись во мнениях о качестве поставленного товара.',
    method: 'Банковский перевод на счёт заявителя',
  },
  fr: {
    nationality: 'SN',
    name: 'Aïssatou Diallo',
    latin: 'Aissatou Diallo',
    facts: 'Les parties sont en désaccord sur la qualité des marchandises livrées.',
    method: 'Virement bancaire sur le compte du demandeur',
  },
  es: {
    nationality: 'CO',
    name: 'José Álvarez',
    latin: 'Jose Alvarez',
    facts: 'Las partes discrepan sobre la calidad de las mercancías entregadas.',
    method: 'Transferencia bancaria a la cuenta del solicitante',
  },
  pt: {
    nationality: 'BR',
    name: 'João Gonçalves',
    latin: 'Joao Goncalves',
    facts: 'As partes discordam quanto à qualidade das mercadorias entregues.',
    method: 'Transferência bancária para a conta do requerente',
  },
  ko: {
    nationality: 'KR',
    name: '김민준',
    latin: 'Kim Minjun',
    facts: '당사자들은 인도된 물품의 품질에 관하여 다투고 있다.',
    method: '신청인 계좌로 은행 송금',
  },
  tr: {
    nationality: 'TR',
    name: 'Hüseyin Yılmaz',
    latin: 'Huseyin Yilmaz',
    facts: 'Taraflar teslim edilen malların kalitesi konusunda anlaşmazlık içindedir.',
    method: 'Başvurucunun hesabına banka havalesi',
  },
};
const ZH = { facts: '双方就所交付货物的质量发生争议。', method: '银行转账至申请人账户' };

const title = (language: SupportedLanguage) =>
  JSON.parse(
    readFileSync(join(__dirname, '..', '..', 'locales', language, 'documents.json'), 'utf8'),
  ).agreement.title as string;

/**
 * Persian heh with hamza above is one glyph; extractors return it as U+06C0 (ۀ), which Persian
 * writes interchangeably with ه + U+0654 (هٔ). Read both as the sequence the text was typed in.
 */
function asWritten(language: SupportedLanguage, text: string): string {
  return language === 'fa' ? text.replace(/\u06c0/g, '\u0647\u0654') : text;
}

const LUMP_SUM = {
  payer: 'respondent:1',
  payee: 'applicant:1',
  amount: { amount: '20760.00', currency: 'USD' },
  dueDate: '2026-12-15',
  method: 'bank_transfer',
};

describe('Agreement copies: Chinese with each party language, as PDFs a person and a court can read', () => {
  let t: TestApp;
  let clerk: string;
  let station: string;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.login(ADMIN.username, ADMIN.password);
    // A station of its own whose policy does not ask for an interpreter of every language: this
    // file is about documents, and not every language has a demo mediator.
    station = (
      await t
        .as(admin)
        .post('/api/v1/stations')
        .send({
          code: `DOC-${Date.now().toString(36).toUpperCase()}`,
          nameZh: '文书测试调解委员会',
          nameEn: 'Document test committee',
          kind: 'mediation_committee',
          countyCode: '330782',
          caseNumberFormat: '（{year}）文测字第{seq:4}号',
          panelPolicy: {
            staffMediatorForForeignParty: true,
            everyPartyLanguageCovered: false,
            maxMediators: 3,
          },
        })
        .expect(201)
    ).body.id;
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
      .expect(201);
    const user = await t
      .as(admin)
      .post('/api/v1/users')
      .send({
        username: 'clerk.documents',
        displayName: '文书测试',
        password: 'Clerk!2026docs',
        role: 'clerk',
        stationId: station,
      })
      .expect(201);
    clerk = await t.login(user.body.username, 'Clerk!2026docs');
  });
  afterAll(() => t.close());

  for (const [language, sample] of Object.entries(SAMPLES) as [
    Exclude<SupportedLanguage, 'zh-CN'>,
    Sample,
  ][]) {
    it(`drafts, issues and renders a zh-CN + ${language} copy whose text extracts in both languages`, async () => {
      const body = yemeniMerchantCase(station) as {
        parties: { person?: Record<string, unknown> }[];
      };
      Object.assign(body.parties[0].person!, {
        nameOriginal: sample.name,
        nameLatin: sample.latin,
        nationality: sample.nationality,
        identityDocument: {
          type: 'passport',
          number: `P${Math.floor(Math.random() * 1e8)}`,
          country: sample.nationality,
        },
        preferredLanguages: [language],
      });
      const c = await mediatingCase(t.as(clerk), body);
      const text = (zh: string, other: string) => ({
        original: { language: 'zh-CN', text: zh },
        translations: [{ language, text: other, translatedBy: '金城站翻译', checked: true }],
      });
      const draft = {
        facts: text(ZH.facts, sample.facts),
        mattersInDispute: text(ZH.facts, sample.facts),
        responsibilities: text(ZH.facts, sample.facts),
        terms: [
          { kind: 'clause', clause: 'lump_sum_payment', params: LUMP_SUM },
          { kind: 'clause', clause: 'chinese_text_prevails', params: {} },
        ],
        performance: {
          method: text(ZH.method, sample.method),
          place: text('浙江省义乌市', 'Yiwu, Zhejiang'),
          deadline: '2026-12-15',
        },
        copies: 3,
        mediators: [{ name: '王建华' }],
      };
      const agreement = (
        await t.as(clerk).post(`/api/v1/cases/${c.id}/agreements`).send(draft).expect(201)
      ).body;
      const issued = (
        await t.as(clerk).post(`/api/v1/agreements/${agreement.id}/issue`).expect(200)
      ).body;
      const applicant = issued.content.parties[0] as PartySnapshot;
      expect(applicant.language).toBe(language);

      const response = await request(t.http)
        .get(`/api/v1/agreements/${agreement.id}/copies/${applicant.id}.pdf`)
        .set('Authorization', `Bearer ${clerk}`)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200)
        .expect('Content-Type', 'application/pdf');
      const pdf = response.body as Buffer;
      keepArtifacts(pdf, `agreement-zh-${language}`);

      const names = (lang: SupportedLanguage) => (ref: string) => {
        const party = ref.startsWith('applicant')
          ? applicant
          : (issued.content.parties[1] as PartySnapshot);
        return partyNameIn(party, lang);
      };
      const expected = [
        title('zh-CN'),
        title(language),
        renderClauseTerm('lump_sum_payment', LUMP_SUM, 'zh-CN', names('zh-CN')),
        renderClauseTerm('lump_sum_payment', LUMP_SUM, language, names(language)),
        renderClauseTerm('chinese_text_prevails', {}, language, names(language)),
        ZH.facts,
        sample.facts,
        sample.name,
      ];
      // Every clause in both languages, whole and in logical order: pdf.js joins glyphs in
      // content-stream order, so right-to-left lines with numbers, Latin words or brackets and
      // Devanagari syllables come out as written only because the engine draws the pieces of a
      // line in logical order and maps reordered glyphs back (see pdf-extraction-fixes.ts).
      const extracted = squeeze(await pdfJsText(pdf));
      for (const clause of expected)
        expect({ clause, found: extracted.includes(squeeze(clause)) }).toEqual({
          clause,
          found: true,
        });

      // The same copy renders to the same bytes.
      const again = await request(t.http)
        .get(`/api/v1/agreements/${agreement.id}/copies/${applicant.id}.pdf`)
        .set('Authorization', `Bearer ${clerk}`)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      if (Buffer.compare(again.body as Buffer, pdf) !== 0)
        keepArtifacts(again.body as Buffer, `agreement-zh-${language}-again`);
      expect(Buffer.compare(again.body as Buffer, pdf)).toBe(0);

      if (!hasPoppler()) {
        console.log('poppler-utils not installed: skipping pdftotext and pdffonts checks');
        return;
      }
      const poppler = squeeze(asWritten(language, pdftotext(pdf)));
      if (language === 'hi') {
        // poppler honours the ActualText of Devanagari runs: whole clauses come out exactly.
        for (const clause of expected)
          expect({ clause, found: poppler.includes(squeeze(clause)) }).toEqual({
            clause,
            found: true,
          });
      }
      // poppler places Arabic-script marks (hamza above, harakat) as separate characters.
      const unmarked = (text: string) => text.replace(/[\u064b-\u065f\u0670]/g, '');
      for (const needle of [title('zh-CN'), title(language), sample.name, c.caseNumber]) {
        expect({ needle, found: unmarked(poppler).includes(unmarked(squeeze(needle))) }).toEqual({
          needle,
          found: true,
        });
      }
      const fonts = pdffonts(pdf);
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.filter((f) => !f.embedded || !f.subset)).toEqual([]);
    });
  }
});

describe('The notice of rights and duties, in Chinese and the party language', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('prints the notice for an Arabic-speaking applicant, and its text extracts in both languages', async () => {
    const clerk = await t.login(DEMO.clerkJincheng.username, DEMO.clerkJincheng.password);
    const station = (await t.as(clerk).get('/api/v1/stations').expect(200)).body[0].id;
    const c = (
      await t.as(clerk).post('/api/v1/cases').send(yemeniMerchantCase(station)).expect(201)
    ).body;
    const response = await request(t.http)
      .get(`/api/v1/cases/${c.id}/parties/${c.parties[0].id}/rights-notice.pdf`)
      .set('Authorization', `Bearer ${clerk}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200)
      .expect('Content-Type', 'application/pdf');
    const pdf = response.body as Buffer;
    keepArtifacts(pdf, 'rights-notice-zh-ar');
    const notices = (language: string) =>
      JSON.parse(
        readFileSync(join(__dirname, '..', '..', 'locales', language, 'documents.json'), 'utf8'),
      ).notice;
    const text = squeeze(await pdfJsText(pdf));
    for (const key of ['title', 'right1', 'duty1']) {
      expect(text).toContain(squeeze(notices('zh-CN')[key]));
      expect(text).toContain(squeeze(notices('ar')[key]));
    }
    if (hasPoppler()) {
      const poppler = squeeze(pdftotext(pdf));
      expect(poppler).toContain(squeeze(notices('zh-CN').title));
      expect(poppler).toContain(squeeze('أحمد الحسن'));
    }
    const other = await t.login(DEMO.clerkXishan.username, DEMO.clerkXishan.password);
    await t
      .as(other)
      .get(`/api/v1/cases/${c.id}/parties/${c.parties[0].id}/rights-notice.pdf`)
      .expect(404);
  });
});
