import { readFileSync } from 'fs';
import { join } from 'path';
import { Page } from 'playwright-core';
import { hasPoppler, pdfJsText, pdftotext } from './support/pdf-text';
import {
  mediatingCase,
  MediatingCase,
  SessionWorld,
  sessionWorld,
} from './support/session-fixtures';
import {
  ARTIFACTS,
  Browser,
  describeIfChromium,
  ensureWebBuilt,
  launchBrowser,
  OFFICE,
  ROOT,
  TABLET,
} from './support/web-browser';

/**
 * The mediator's pages driven in Debian's Chromium against the whole application: log in, schedule
 * a session and meet a double booking, keep the record with a translation, sign it and record the
 * outcome, draft the agreement from the clause library, see the missing translation, issue it,
 * save a party's PDF, record the signatures and a follow-up visit; every outcome is checked
 * through the API. Then part of the flow in Arabic, right to left. Screenshots (the viewport, at
 * 1366x768 and one at 768x1024) are kept in test-artifacts/web/mediator-<step>[-<lang>].png.
 */
const EN = JSON.parse(readFileSync(join(ROOT, 'locales', 'en', 'web-mediator.json'), 'utf8'));

const PASSWORD = 'Mediator!2026web';
const DAY = '2027-06-07';

describeIfChromium('Web app: the mediator pages in a real browser', () => {
  let w: SessionWorld;
  let username: string;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebBuilt();
    w = await sessionWorld();
    username = `web.mediator.${Date.now().toString(36)}`;
    await w.t
      .as(w.admin)
      .post('/api/v1/users')
      .send({
        username,
        displayName: 'Salem Bawazir',
        password: PASSWORD,
        role: 'mediator',
        mediatorId: w.mediators.yemeni,
      })
      .expect(201);
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await w?.t.close();
  });

  const api = () => w.t.as(w.mediatorToken, 'en');
  const shoot = (page: Page, name: string) =>
    page.screenshot({ path: join(ARTIFACTS, `mediator-${name}.png`), fullPage: false });

  /** A fresh page signed in through the sign-in form, in the language asked for. */
  async function signIn(language: string): Promise<Page> {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    (page as Page & { errors?: string[] }).errors = errors;
    await page.goto(`${w.t.http}/login`);
    await page.fill('input[name=username]', username);
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/mediator$/);
    await page.selectOption('#language-switcher', language);
    await page.waitForSelector(`html[lang="${language}"]`);
    await page.locator('h1', { hasText: text(language, 'cases.title') }).waitFor();
    return page;
  }

  const text = (language: string, key: string): string => {
    const strings = JSON.parse(
      readFileSync(join(ROOT, 'locales', language, 'web-mediator.json'), 'utf8'),
    );
    return key.split('.').reduce((node, part) => node[part], strings);
  };

  /** Form controls on the page that no label names (a label element, aria-label or aria-labelledby). */
  const unlabelled = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLInputElement>('input, select, textarea')]
        .filter((el) => el.type !== 'hidden' && el.offsetParent !== null)
        .filter(
          (el) =>
            !(el.labels && el.labels.length) &&
            !el.getAttribute('aria-label') &&
            !el.getAttribute('aria-labelledby'),
        )
        .map((el) => el.outerHTML.slice(0, 120)),
    );

  const sessionsOf = async (c: MediatingCase) =>
    (await api().get(`/api/v1/cases/${c.id}/sessions`).expect(200)).body as {
      id: string;
      startsAt: string;
      status: string;
    }[];

  async function schedule(page: Page, c: MediatingCase, start: string, end: string) {
    await page.goto(`${w.t.http}/mediator/cases/${c.id}/sessions/new`);
    const form = page.locator('form.m-form');
    await form.locator('input[type=date]').fill(DAY);
    await form.locator('input[name=start]').fill(start);
    await form.locator('input[name=end]').fill(end);
    await form.locator('input[name=room]').fill('第二调解室');
    return form;
  }

  /** Keeps a screenshot of the page where a step failed, then fails. */
  async function step<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      await page
        .screenshot({ path: join(ARTIFACTS, `mediator-failed-${name}.png`) })
        .catch(() => undefined);
      throw error;
    }
  }

  it('schedules, records, signs, drafts, issues, signs the agreement and follows it up', async () => {
    const c = await mediatingCase(w);
    const page = await signIn('en');
    await step(page, 'flow', () => mainFlow(page, c));
    await page.close();
  }, 300_000);

  async function mainFlow(page: Page, c: MediatingCase) {
    // My cases, filtered by state, links to the case.
    await page.selectOption('select[name=state]', 'mediating');
    await page.click(`form.filters button[type=submit]`);
    await page.waitForURL(/state=mediating/);
    const row = page.locator(`[data-testid=my-cases] tr[data-case-id="${c.id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('أحمد الحسن');
    await shoot(page, 'cases');
    await row.locator('a').click();
    await page.waitForURL(new RegExp(`/mediator/cases/${c.id}$`));
    await page.locator('a', { hasText: EN.case.schedule }).click();
    await page.waitForURL(/sessions\/new$/);

    // Schedule a session: the slot is free.
    const form = await schedule(page, c, '09:30', '11:00');
    await page.locator('[data-testid=precheck] .m-ok').waitFor();
    expect(await unlabelled(page)).toEqual([]);
    await shoot(page, 'schedule');
    await form.locator('button[type=submit]').click();
    await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
    const [first] = await sessionsOf(c);
    expect(first).toMatchObject({ status: 'scheduled', startsAt: '2027-06-07T01:30:00.000Z' });

    // An overlapping one: warned while filling in, refused with 409 naming the first session.
    const overlapping = await schedule(page, c, '10:00', '11:30');
    const precheck = page.locator('[data-testid=precheck] .alert-warn');
    await precheck.waitFor();
    expect(await precheck.textContent()).toContain(c.caseNumber);
    await overlapping.locator('button[type=submit]').click();
    const conflict = page.locator('[data-testid=booking-conflict]');
    await conflict.waitFor();
    expect(await conflict.getAttribute('data-code')).toBe('BOOKING_CONFLICT');
    expect(await conflict.textContent()).toContain(c.caseNumber);
    expect(await conflict.textContent()).toContain('09:30');
    await shoot(page, 'double-booking');
    expect(await sessionsOf(c)).toHaveLength(1);

    // The calendar shows the session in its week and offers the .ics feed.
    await page.goto(`${w.t.http}/mediator/calendar?view=week&week=${DAY}`);
    const booked = page.locator(`[data-testid=calendar-week] a[href$="/sessions/${first.id}"]`);
    await booked.waitFor();
    const [feed] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=ics]'),
    ]);
    const ics = readFileSync((await feed.path())!, 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(`${first.id}@`);
    await shoot(page, 'calendar');

    // The record: attendance, an entry in Arabic with a checked Chinese translation, one in Chinese.
    await booked.click();
    await page.waitForURL(new RegExp(`/sessions/${first.id}$`));
    await page.locator('button', { hasText: EN.record.saveAttendance }).click();
    await page.locator('.notices', { hasText: EN.record.attendanceSaved }).waitFor();
    const entry = page.locator('[data-testid=entry-form]');
    await entry.locator('select[name=speaker]').selectOption(`party:${c.applicant}`);
    await entry.locator('select[name=language]').selectOption('ar');
    await entry.locator('textarea[name=text]').fill('وصلت 120 كرتونة مكسورة، وهذه الفاتورة.');
    await entry.locator('textarea[data-language="zh-CN"]').fill('有120箱到货时是破的，这是发票。');
    await entry.locator('input[data-checked="zh-CN"]').check();
    await entry.locator('button[type=submit]').click();
    await page.locator('[data-testid=entries] li').first().waitFor();
    await entry.locator('select[name=speaker]').selectOption(`mediator:${w.mediators.wang}`);
    await entry.locator('select[name=language]').selectOption('zh-CN');
    await entry.locator('textarea[name=text]').fill('双方同意由被申请人赔偿破损货物的损失。');
    await entry
      .locator('textarea[data-language="ar"]')
      .fill('اتفق الطرفان على أن يعوض المدعى عليه عن البضاعة المكسورة.');
    await entry.locator('button[type=submit]').click();
    await page.locator('[data-testid=entries] li').nth(1).waitFor();
    expect(await unlabelled(page)).toEqual([]);
    await shoot(page, 'record');
    const base = `/api/v1/cases/${c.id}/sessions/${first.id}`;
    let record = (await api().get(`${base}/record`).expect(200)).body;
    expect(
      record.entries.map((e: { ordinal: number; text: { original: { language: string } } }) => [
        e.ordinal,
        e.text.original.language,
      ]),
    ).toEqual([
      [1, 'ar'],
      [2, 'zh-CN'],
    ]);
    expect(record.entries[0].text.translations[0]).toMatchObject({
      language: 'zh-CN',
      text: '有120箱到货时是破的，这是发票。',
      checked: true,
    });
    expect(record.entries[1].text.translations[0]).toMatchObject({
      language: 'ar',
      checked: false,
    });

    // Sign: the mediators and parties present; then a correction is still possible.
    await page.locator('button', { hasText: EN.record.signNow }).click();
    await page.locator('[data-testid=record-state]', { hasText: EN.record.signed }).waitFor();
    await entry.locator('select[name=correctsEntryId]').waitFor();
    await entry.locator('select[name=correctsEntryId]').selectOption(record.entries[0].id);
    await entry.locator('select[name=speaker]').selectOption(`party:${c.applicant}`);
    await entry.locator('select[name=language]').selectOption('ar');
    await entry.locator('textarea[name=text]').fill('المقصود 121 كرتونة وليس 120.');
    await entry.locator('textarea[data-language="zh-CN"]').fill('应为121箱，而不是120箱。');
    await entry.locator('input[data-checked="zh-CN"]').check();
    await entry.locator('button[type=submit]').click();
    await page.locator('[data-testid=entries] li.m-correction').waitFor();
    record = (await api().get(`${base}/record`).expect(200)).body;
    expect(record.signed).toBe(true);
    expect(record.signatures).toHaveLength(4);
    expect(record.entries[2]).toMatchObject({
      correctsEntryId: record.entries[0].id,
      afterSigning: true,
    });
    await shoot(page, 'record-signed');

    // The outcome: a written agreement; the case moves and the page goes on to drafting.
    await page.locator('input[name=performanceDeadline]').fill('2027-07-15');
    await page.locator('button', { hasText: EN.outcome.record }).click();
    await page.waitForURL(new RegExp(`/mediator/cases/${c.id}/agreement$`));
    expect((await api().get(`/api/v1/cases/${c.id}`).expect(200)).body.state).toBe(
      'agreement_reached',
    );

    // Draft from the clause library, Chinese beside Arabic, leaving one translation missing and one unchecked.
    const both = async (fieldName: string, zh: string, ar: string, checked: boolean) => {
      const editor = page.locator(`fieldset[data-field="${fieldName}"]`);
      await editor.locator('textarea[data-language="zh-CN"]').fill(zh);
      if (ar) await editor.locator('textarea[data-language="ar"]').fill(ar);
      if (checked) await editor.locator('input[data-checked="ar"]').check();
    };
    await both(
      'facts',
      '申请人向被申请人购买玻璃杯500箱，到货时121箱破损。',
      'اشترى مقدم الطلب 500 كرتونة من الأكواب الزجاجية، ووصلت 121 منها مكسورة.',
      true,
    );
    await both(
      'mattersInDispute',
      '破损货物的赔偿金额。',
      'مقدار التعويض عن البضاعة المكسورة.',
      true,
    );
    await both(
      'responsibilities',
      '被申请人对包装不当造成的破损承担责任。',
      'يتحمل المدعى عليه مسؤولية الكسر الناتج عن سوء التغليف.',
      false,
    );
    await page.selectOption('select[name=clausePicker]', 'lump_sum_payment');
    await page.click('[data-testid=add-clause]');
    await page.locator('[data-field="terms.0.params.amount"] input').fill('20760.00');
    await page.locator('[data-field="terms.0.params.amount"] select').selectOption('USD');
    await page.locator('[data-field="terms.0.params.dueDate"] input').fill('2027-07-15');
    await page.locator('[data-field="terms.0.params.method"] select').selectOption('bank_transfer');
    for (const clause of ['waiver_of_claims', 'chinese_text_prevails']) {
      await page.selectOption('select[name=clausePicker]', clause);
      await page.click('[data-testid=add-clause]');
    }
    await both('performance.method', '银行转账', 'تحويل مصرفي', true);
    await both('performance.place', '浙江省义乌市', '', false);
    await page.locator('[data-field="performance.deadline"] input').fill('2027-07-15');
    const missingCell = page.locator(
      'fieldset[data-field="performance.place"] .m-cell[data-language="ar"]',
    );
    expect(await missingCell.getAttribute('data-gap')).toBe('missing');
    expect(await missingCell.textContent()).toContain(EN.agreement.gapMissing);
    expect(
      await page
        .locator('fieldset[data-field="responsibilities"] .m-cell[data-language="ar"]')
        .getAttribute('data-gap'),
    ).toBe('unchecked');
    await missingCell.scrollIntoViewIfNeeded();
    expect(await unlabelled(page)).toEqual([]);
    await shoot(page, 'agreement-gaps');
    // At tablet width the languages stay side by side and nothing scrolls sideways.
    await page.setViewportSize(TABLET);
    await missingCell.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      768,
    );
    await shoot(page, 'agreement-gaps-tablet');
    await page.setViewportSize(OFFICE);

    // Issuing is refused with 422 naming the gaps, shown where they are.
    await page.click('[data-testid=issue]');
    const refused = page.locator('[data-testid=draft-error]');
    await refused.waitFor();
    expect(await refused.getAttribute('data-code')).toBe('TRANSLATIONS_MISSING');
    const placeError = page.locator('fieldset[data-field="performance.place"] > .field-error');
    await placeError.waitFor();
    expect(await placeError.textContent()).toContain('performance.place');
    expect(
      await page.locator('fieldset[data-field="responsibilities"] > .field-error').isVisible(),
    ).toBe(true);
    await placeError.scrollIntoViewIfNeeded();
    await shoot(page, 'agreement-refused');
    const [drafted] = (await api().get(`/api/v1/cases/${c.id}/agreements`).expect(200)).body;
    expect(drafted).toMatchObject({ state: 'draft', languages: ['zh-CN', 'ar'] });
    expect(drafted.content.terms.map((t: { clause: string }) => t.clause)).toEqual([
      'lump_sum_payment',
      'waiver_of_claims',
      'chinese_text_prevails',
    ]);

    // Fill the gap, check the translation, issue.
    await both('performance.place', '浙江省义乌市', 'مدينة ييوو، مقاطعة تشجيانغ', true);
    await page.locator('fieldset[data-field="responsibilities"] input[data-checked="ar"]').check();
    await page.locator('[data-testid=gap-summary] .alert-info').waitFor();
    await page.click('[data-testid=issue]');
    await page.locator('[data-testid=agreement-state]').waitFor();
    const issued = (await api().get(`/api/v1/agreements/${drafted.id}`).expect(200)).body;
    expect(issued.state).toBe('issued');
    expect(issued.content.terms[0].params).toMatchObject({
      amount: { amount: '20760.00', currency: 'USD' },
      payer: c.respondent,
      payee: c.applicant,
    });

    // Preview and save the applicant's copy; the file is the PDF with the party's name.
    await page.click(`[data-testid="preview-${c.applicant}"]`);
    await page.locator('iframe.m-pdf').waitFor();
    expect(await page.locator('iframe.m-pdf').getAttribute('src')).toMatch(/^blob:/);
    await shoot(page, 'agreement-issued');
    const [saved] = await Promise.all([
      page.waitForEvent('download'),
      page.click(`[data-testid="download-${c.applicant}"]`),
    ]);
    const pdf = readFileSync((await saved.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    expect(squeeze(await pdfJsText(pdf))).toContain(squeeze(issued.verificationCode));
    if (hasPoppler()) expect(squeeze(pdftotext(pdf))).toContain(squeeze('أحمد الحسن'));

    // Signatures: each party, each signing mediator and the committee; then it is in effect.
    await page.goto(`${w.t.http}/mediator/cases/${c.id}/agreement/signatures`);
    for (let i = 0; i < 5; i++) {
      const next = page.locator('[data-testid=signatures] button[data-signer]').first();
      const signer = await next.getAttribute('data-signer');
      await next.click();
      await page
        .locator(`[data-testid=signatures] tr[data-signer-row="${signer}"]`, {
          hasText: EN.signatures.done,
        })
        .waitFor();
    }
    await page
      .locator('[data-testid=agreement-state]', { hasText: EN.agreement.stateValue.effective })
      .waitFor();
    await shoot(page, 'signatures');
    const effective = (await api().get(`/api/v1/agreements/${drafted.id}`).expect(200)).body;
    expect(effective.state).toBe('effective');
    expect(
      effective.signatures.map(
        (s: { signerKind: string; method: string }) => `${s.signerKind}:${s.method}`,
      ),
    ).toEqual([
      'party:fingerprinted',
      'party:sealed',
      'mediator:signed',
      'mediator:signed',
      'committee:sealed',
    ]);

    // The parties' application to the court for judicial confirmation, recorded on today's date.
    const confirmation = page.locator('[data-testid=confirmation-form]');
    await confirmation.locator('input[type=text]').fill('义乌市人民法院');
    await confirmation.locator('button[type=submit]').click();
    await page
      .locator('[data-testid=confirmation-applied]', { hasText: '义乌市人民法院' })
      .waitFor();
    const applied = (await api().get(`/api/v1/agreements/${drafted.id}`).expect(200)).body;
    expect(applied.confirmationCourt).toBe('义乌市人民法院');
    expect(applied.confirmationAppliedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // A follow-up visit: fully performed.
    await page.goto(`${w.t.http}/mediator/cases/${c.id}/follow-ups`);
    const visit = page.locator('[data-testid=follow-up-form]');
    await visit.locator('select').first().selectOption('fully');
    await visit.locator('button[type=submit]').click();
    await page.locator('[data-testid=visits] tbody tr').waitFor();
    await shoot(page, 'follow-up');
    const visits = (await api().get(`/api/v1/cases/${c.id}/follow-ups`).expect(200)).body;
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({ performance: 'fully', wentToCourt: false });
    expect((await api().get(`/api/v1/cases/${c.id}`).expect(200)).body.state).toBe('performed');

    // The issued agreement as the case file keeps it, its clauses with their details.
    await page.goto(`${w.t.http}/mediator/cases/${c.id}/agreement`);
    await page.locator('[data-testid=agreement-state]').waitFor();
    expect(await page.locator('.m-params').first().textContent()).toContain('20,760.00');
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
  }

  it('in Arabic, right to left: the case page, and a double booking refused in Arabic', async () => {
    const c = await mediatingCase(w);
    const other = await mediatingCase(w);
    await api()
      .post(`/api/v1/cases/${other.id}/sessions`)
      .send({
        startsAt: `${DAY}T14:00`,
        endsAt: `${DAY}T15:30`,
        room: '第三调解室',
        publicity: 'public',
        languages: ['ar', 'zh-CN'],
        participants: {
          partyIds: [other.applicant, other.respondent],
          panelMemberIds: [w.mediators.yemeni],
        },
      })
      .expect(201);
    const page = await signIn('ar');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await shoot(page, 'cases-ar');
    await page.goto(`${w.t.http}/mediator/cases/${c.id}`);
    await page.locator('h1', { hasText: c.caseNumber }).waitFor();
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await shoot(page, 'case-ar');

    const form = await schedule(page, c, '15:00', '16:00');
    await page.locator('[data-testid=precheck] .alert-warn').waitFor();
    // From the keyboard: Enter in a field submits the form.
    await form.locator('input[name=room]').press('Enter');
    const conflict = page.locator('[data-testid=booking-conflict]');
    await conflict.waitFor();
    const said = (await conflict.textContent()) ?? '';
    expect(said).toContain(other.caseNumber);
    expect(said).toMatch(/\p{Script=Arabic}/u);
    expect(said).toContain(text('ar', 'schedule.doubleBooking'));
    await shoot(page, 'double-booking-ar');
    expect(await sessionsOf(c)).toHaveLength(0);

    // Drafting in Arabic: Chinese and Arabic side by side, the Arabic column still missing.
    await page.goto(`${w.t.http}/mediator/cases/${c.id}/agreement`);
    const facts = page.locator('fieldset[data-field="facts"]');
    await facts.locator('textarea[data-language="zh-CN"]').fill('双方就所交付货物的质量发生争议。');
    const arabic = facts.locator('.m-cell[data-language="ar"]');
    expect(await arabic.getAttribute('data-gap')).toBe('missing');
    expect(await arabic.textContent()).toContain(text('ar', 'agreement.gapMissing'));
    expect(await facts.locator('textarea[data-language="ar"]').getAttribute('dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await facts.scrollIntoViewIfNeeded();
    await shoot(page, 'agreement-ar');
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await page.close();
  }, 180_000);
});
