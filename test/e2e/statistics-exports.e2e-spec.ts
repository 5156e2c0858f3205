import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { AuthenticatedUser } from '../../src/auth/authenticated-user';
import { CaseExportRow, CaseExportService } from '../../src/statistics/case-export.service';
import { periodOf } from '../../src/statistics/statistics-period';
import { StatisticsService } from '../../src/statistics/statistics.service';
import { bijieWageCase, yemeniMerchantCase } from './support/case-factory';
import { ADMIN, DEMO, startTestApp, TestApp } from './support/test-app';

const binary = (res: import('superagent').Response, cb: (e: Error | null, b: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

function libreOffice(): string | null {
  for (const name of ['libreoffice', 'soffice'])
    try {
      execFileSync('which', [name], { stdio: 'pipe' });
      return name;
    } catch {
      /* try the next name */
    }
  return null;
}

describe('Statistics exports: case-level CSV and LibreOffice', () => {
  let t: TestApp;
  let clerk: string;
  let bureau: string;
  let station: string;
  const secrets: { names: string[]; numbers: string[] } = { names: [], numbers: [] };

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.login(ADMIN.username, ADMIN.password);
    clerk = await t.login(DEMO.clerkJincheng.username, DEMO.clerkJincheng.password);
    bureau = await t.login(DEMO.bureauYiwu.username, DEMO.bureauYiwu.password);
    station = (await t.as(admin).get('/api/v1/stations').expect(200)).body.find(
      (s: { code: string }) => s.code === 'YW-JC',
    ).id;
    for (const body of [yemeniMerchantCase(station), bijieWageCase(station)]) {
      await t.as(clerk).post('/api/v1/cases').send(body).expect(201);
      for (const party of body.parties as { person?: Record<string, unknown> }[]) {
        if (!party.person) continue;
        secrets.names.push(String(party.person.nameOriginal));
        if (party.person.nameLatin) secrets.names.push(String(party.person.nameLatin));
        secrets.numbers.push(String((party.person.identityDocument as { number: string }).number));
      }
    }
  });
  afterAll(() => t.close());

  const exportAs = (token: string) =>
    t
      .as(token)
      .get('/api/v1/statistics/cases.csv?from=2026-10-01&to=2026-11-30')
      .buffer(true)
      .expect(200);

  it('gives the clerk initials and masked identity numbers, one row per case', async () => {
    const res = await exportAs(clerk);
    const lines = res.text.slice(1).trim().split('\r\n');
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    expect(lines[0]).toBe(
      '案件编号,站点,收案日期,纠纷类型,来源,状态,受理日期,结案日期,争议金额,币种,当事人,国籍,户籍省份',
    );
    const yemeni = lines.find((l) => l.includes('86500.00'))!;
    expect(yemeni).toMatch(/申请人: أ\. \*+\d{4}/);
    const bijie = lines.find((l) => l.includes('18600.00'))!;
    expect(bijie).toMatch(/申请人: 龙\. \*{14}[\dX]{4}/);
    expect(bijie).toContain('贵州省');
    for (const name of secrets.names) expect(res.text).not.toContain(name);
    for (const number of secrets.numbers) expect(res.text).not.toContain(number);
  });

  it('gives a bureau de-identified rows only: no name, no identity number (scanned)', async () => {
    const res = await exportAs(bureau);
    const text = res.text;
    const rows = text.slice(1).trim().split('\r\n').slice(1);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const name of secrets.names) expect(text).not.toContain(name);
    for (const number of secrets.numbers) expect(text).not.toContain(number);
    // No identity-number shapes, masked or not, and no "role: name" cells at all.
    expect(text).not.toMatch(/\d{17}[\dX]/);
    expect(text).not.toMatch(/\*{3,}/);
    expect(text).not.toMatch(/[A-Z]{1,2}\d{7,}/);
    for (const row of rows) expect(row).not.toMatch(/(申请人|被申请人|第三人): /);
    // Names of every person and organisation in the database: none may appear.
    const people: { name: string }[] = await t.dataSource.query(
      'SELECT name_original AS name FROM person UNION SELECT name_original AS name FROM organisation',
    );
    for (const { name } of people) expect(text).not.toContain(name);
  });

  it('gives a bureau the same rows as the clerk for the same cases, less names and numbers', async () => {
    // The bureau's rows come from the statistics rows alone, the clerk's from the cases and
    // their parties: both must say the same of each case.
    const rowsOf = async (token: string) =>
      (await exportAs(token)).text
        .slice(1)
        .trim()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(','));
    const ofBureau = new Map((await rowsOf(bureau)).map((cells) => [cells[0], cells]));
    const ofClerk = await rowsOf(clerk);
    expect(ofClerk.length).toBeGreaterThanOrEqual(2);
    for (const cells of ofClerk) {
      const expected = [...cells];
      // "申请人: أ. ****5678; 被申请人: 义乌市…" → "申请人; 被申请人"
      expected[10] = cells[10]
        .split('; ')
        .map((party) => party.split(': ')[0])
        .join('; ');
      expect(ofBureau.get(cells[0])).toEqual(expected);
    }
  });

  it('reads the same rows page by page, across days shared by several cases, for every reader', async () => {
    // More cases received on the same days than a page holds, so that pages end inside a day.
    for (let i = 0; i < 5; i++)
      await t
        .as(clerk)
        .post('/api/v1/cases')
        .send(i % 2 ? yemeniMerchantCase(station) : bijieWageCase(station))
        .expect(201);
    const exporter = t.app.get(CaseExportService);
    const readers: AuthenticatedUser[] = [
      {
        id: 'a',
        username: 'admin',
        role: 'admin',
        stationId: null,
        mediatorId: null,
        countyCode: null,
      },
      {
        id: 'b',
        username: 'bureau',
        role: 'bureau',
        stationId: null,
        mediatorId: null,
        countyCode: '330782',
      },
    ];
    for (const user of readers) {
      const rowsIn = async (pageSize?: number) => {
        const rows: CaseExportRow[] = [];
        for await (const page of exporter.pages({
          period: periodOf('2020-01-01', '2030-12-31')!,
          narrowing: {},
          user,
          language: 'en',
          t: t.app.get(StatisticsService).translate,
          pageSize,
        }))
          rows.push(...page);
        return rows;
      };
      const whole = await rowsIn();
      expect(whole.length).toBeGreaterThanOrEqual(7);
      // In the database's order of (received_on, id), within the reader's scope.
      const ordered: { caseNumber: string }[] = await t.dataSource.query(
        `SELECT c.case_number AS "caseNumber" FROM mediation_case c
         JOIN station s ON s.id = c.station_id
         WHERE ${user.countyCode ? "s.county_code LIKE '330782%'" : '1 = 1'}
         ORDER BY c.received_on, c.id`,
      );
      expect(whole.map((r) => r.caseNumber)).toEqual(ordered.map((r) => r.caseNumber));
      const days = whole.map((r) => r.receivedOn);
      expect(new Set(days).size).toBeLessThan(days.length);
      for (const pageSize of [1, 2, 3]) expect(await rowsIn(pageSize)).toEqual(whole);
    }
  });

  const workbookAs = async (token: string, lang = 'zh-CN') => {
    const res = await t
      .as(token)
      .get(`/api/v1/statistics/cases.xlsx?from=2026-10-01&to=2026-11-30&lang=${lang}`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as Buffer);
    return workbook.worksheets[0];
  };
  const cellsOf = (row: ExcelJS.Row) =>
    (row.values as unknown[]).slice(1).map((v) => (v === undefined || v === null ? '' : v));

  it('streams the same rows as XLSX: translated headers, frozen header row, amounts as numbers', async () => {
    const csvRows = (await exportAs(clerk)).text.slice(1).trim().split('\r\n').slice(1);
    const sheet = await workbookAs(clerk, 'en');
    expect(sheet.name).toBe('Cases');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(cellsOf(sheet.getRow(1))).toEqual([
      'Case number',
      'Station',
      'Received',
      'Dispute type',
      'Source',
      'State',
      'Accepted',
      'Concluded',
      'Amount in dispute',
      'Currency',
      'Parties',
      'Nationalities',
      'Home provinces',
    ]);
    expect(sheet.rowCount - 1).toBe(csvRows.length);
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => cellsOf(sheet.getRow(i + 2)));
    // Same cases in the same order as the CSV (case number first in both).
    expect(rows.map((r) => r[0])).toEqual(csvRows.map((l) => l.split(',')[0]));
    const yemeni = rows.find((r) => r[8] === 86500)!;
    expect(yemeni[9]).toBe('USD');
    expect(yemeni[10]).toMatch(/^Applicant: أ\. \*+\d{4}/);
    const bijie = rows.find((r) => r[8] === 18600)!;
    expect(bijie[10]).toMatch(/^Applicant: 龙\. \*{14}[\dX]{4}/);
    expect(bijie[12]).toBe('Guizhou');
    const text = JSON.stringify(rows);
    for (const name of secrets.names) expect(text).not.toContain(name);
    for (const number of secrets.numbers) expect(text).not.toContain(number);
  });

  it('gives a bureau an XLSX without names or identity numbers (scanned)', async () => {
    const sheet = await workbookAs(bureau);
    expect(cellsOf(sheet.getRow(1))[10]).toBe('当事人');
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => cellsOf(sheet.getRow(i + 2)));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows)
      expect(String(row[10])).toMatch(/^(申请人|被申请人|第三人)(; (申请人|被申请人|第三人))*$/);
    const text = JSON.stringify(rows);
    expect(text).not.toMatch(/\d{17}[\dX]/);
    expect(text).not.toMatch(/\*{3,}/);
    const people: { name: string }[] = await t.dataSource.query(
      'SELECT name_original AS name FROM person UNION SELECT name_original AS name FROM organisation',
    );
    for (const { name } of people) expect(text).not.toContain(name);
  });

  it('opens the XLSX export in LibreOffice and reads the report’s figures back', async () => {
    const soffice = libreOffice();
    if (!soffice) {
      console.warn('libreoffice not installed (apt-get install libreoffice-calc-nogui): skipped');
      return;
    }
    const report = (await t.as(clerk).get('/api/v1/statistics/report?period=2026-11').expect(200))
      .body;
    const file = await t
      .as(clerk)
      .get('/api/v1/statistics/export?format=xlsx&lang=en&period=2026-11')
      .buffer(true)
      .parse(binary)
      .expect(200);
    const dir = mkdtempSync(join(tmpdir(), 'stats-lo-'));
    try {
      writeFileSync(join(dir, 'report.xlsx'), file.body as Buffer);
      execFileSync(
        soffice,
        [
          `-env:UserInstallation=file://${dir}/profile`,
          '--headless',
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76,1',
          '--outdir',
          dir,
          join(dir, 'report.xlsx'),
        ],
        { stdio: 'pipe', timeout: 120_000 },
      );
      const csv = readdirSync(dir).find((f) => f.endsWith('.csv'))!;
      const lines = readFileSync(join(dir, csv), 'utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/);
      const split = (line: string) => line.split(',').map((c) => c.replace(/^"|"$/g, ''));
      expect(split(lines[0]).slice(0, 4)).toEqual(['Scope', '', 'Accepted', 'Settled']);
      const cells = split(lines[1]);
      expect(cells[0]).toBe('total');
      expect(Number(cells[2])).toBe(report.totals.accepted);
      expect(Number(cells[3])).toBe(report.totals.settled);
      expect(Number(cells[5])).toBe(report.totals.terminated);
      expect(Number(cells[9])).toBe(report.totals.pendingAtEnd);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
