/**
 * The county justice bureau's statistics (GET /api/v1/statistics/report): headline figures, and
 * charts by month, dispute type, nationality, home province, mediator kind and source for the
 * chosen period and station, with the measure to chart (accepted, settled …). The filters live in
 * the address. Downloads: the report as CSV, XLSX, the monthly report layout, PDF with charts,
 * and the case-level CSV, all in the interface language.
 */
import { api, download, Query } from '../../ui/api';
import { h } from '../../ui/dom';
import { busy, selectField, textField } from '../../ui/forms';
import { language, t } from '../../ui/i18n';
import { barChart, Bar, columnChart } from '../../ui/charts';
import { chinaToday, formatMonth, formatNumber, formatPercent } from '../../ui/format';
import { pageHeader, section } from '../../ui/layout';
import { notify } from '../../ui/notice';
import { navigate, PageContext } from '../../ui/router';

type Measure =
  | 'accepted'
  | 'settled'
  | 'terminated'
  | 'pendingAtEnd'
  | 'overdueAtEnd'
  | 'keptFromCriminalCases';
const MEASURES: Measure[] = [
  'accepted',
  'settled',
  'terminated',
  'pendingAtEnd',
  'overdueAtEnd',
  'keptFromCriminalCases',
];

interface Figures {
  accepted: number;
  settled: number;
  terminated: number;
  withdrawn: number;
  pendingAtEnd: number;
  overdueAtEnd: number;
  performed: number;
  keptFromCriminalCases: number;
  keptFromCriminalPersons: number;
  successRate: number | null;
  moneyCovered: { currency: string; amount: string }[];
}

interface Row extends Figures {
  key: string;
  label: string;
}

interface Report {
  period: { from: string; to: string };
  totals: Figures;
  breakdowns: Record<
    | 'disputeType'
    | 'source'
    | 'station'
    | 'nationality'
    | 'homeProvince'
    | 'mediatorKind'
    | 'month',
    Row[]
  >;
}

interface Station {
  id: string;
  nameZh: string;
  nameEn: string;
}

export async function statisticsPage(context: PageContext): Promise<HTMLElement> {
  const q = context.query;
  const today = chinaToday();
  const from = q.get('from') ?? `${today.slice(0, 4)}-01-01`;
  const to = q.get('to') ?? today;
  const stationId = q.get('stationId') ?? '';
  const measure = (MEASURES as string[]).includes(q.get('measure') ?? '')
    ? (q.get('measure') as Measure)
    : 'accepted';
  const filters: Query = { from, to, stationId: stationId || undefined };

  const [report, stations] = await Promise.all([
    api.get<Report>('/statistics/report', { ...filters, lang: language() }),
    api.get<Station[]>('/stations'),
  ]);
  const totals = report.totals;
  const zh = language() === 'zh-CN';

  const form: HTMLFormElement = h(
    'form',
    {
      class: 'card filters',
      'aria-label': t('stats.filters'),
      onSubmit: (event: Event) => {
        event.preventDefault();
        const params = new URLSearchParams();
        for (const name of ['from', 'to', 'stationId', 'measure']) {
          const value = (form.elements.namedItem(name) as HTMLInputElement).value;
          if (value) params.set(name, value);
        }
        navigate(`/bureau?${params}`);
      },
    },
    textField({ name: 'from', label: t('stats.from'), type: 'date', value: from, required: true }),
    textField({ name: 'to', label: t('stats.to'), type: 'date', value: to, required: true }),
    selectField({
      name: 'stationId',
      label: t('stats.station'),
      options: stations.map((s) => ({ value: s.id, label: zh ? s.nameZh : s.nameEn })),
      value: stationId,
      placeholder: t('stats.allStations'),
    }),
    selectField({
      name: 'measure',
      label: t('stats.measure'),
      options: MEASURES.map((m) => ({ value: m, label: t(`stats.figure.${m}`) })),
      value: measure,
    }),
    h(
      'div',
      { class: 'button-row' },
      h('button', { type: 'submit', class: 'button-primary' }, t('stats.apply')),
    ),
  );

  const bars = (rows: Row[], label: (r: Row) => string = (r) => r.label): Bar[] =>
    rows.map((r) => ({ key: r.key, label: label(r), value: r[measure] }));
  const measureName = t(`stats.figure.${measure}`);
  const chart = (title: string, rows: Row[], label?: (r: Row) => string) =>
    section(`${title} · ${measureName}`, barChart(title, bars(rows, label), t('stats.noData')));

  const downloads: [string, string, Query][] = [
    ['csv', '/statistics/export', { ...filters, format: 'csv', lang: language() }],
    ['xlsx', '/statistics/export', { ...filters, format: 'xlsx', lang: language() }],
    ['monthly', '/statistics/export', { ...filters, format: 'monthly', lang: language() }],
    ['pdf', '/statistics/report.pdf', { ...filters, lang: language() }],
    ['cases', '/statistics/cases.csv', { ...filters, lang: language() }],
  ];

  return h(
    'div',
    { class: 'statistics-page' },
    pageHeader(t('stats.title')),
    h(
      'p',
      { class: 'subtitle' },
      t('stats.period', { from: report.period.from, to: report.period.to }),
    ),
    form,
    h(
      'div',
      { class: 'stat-tiles' },
      tile('accepted', formatNumber(totals.accepted)),
      tile('settled', formatNumber(totals.settled)),
      tile('successRate', formatPercent(totals.successRate)),
      tile('pendingAtEnd', formatNumber(totals.pendingAtEnd)),
      tile('overdueAtEnd', formatNumber(totals.overdueAtEnd)),
      tile('keptFromCriminalCases', formatNumber(totals.keptFromCriminalCases)),
      tile('performed', formatNumber(totals.performed)),
    ),
    section(
      t('stats.downloads'),
      h(
        'div',
        { class: 'button-row downloads' },
        downloads.map(([kind, path, query]) =>
          h(
            'button',
            {
              type: 'button',
              'data-download': kind,
              onClick: (event: Event) =>
                void busy(event.currentTarget as HTMLButtonElement, () =>
                  download(
                    path,
                    query,
                    `statistics.${kind === 'pdf' ? 'pdf' : kind === 'csv' || kind === 'cases' ? 'csv' : 'xlsx'}`,
                  )
                    .then(() => notify(t('stats.downloaded'), 'info'))
                    .catch((error: Error) =>
                      notify(error.message || t('shell.unexpectedError'), 'warn'),
                    ),
                ),
            },
            t(`stats.download.${kind}`),
          ),
        ),
      ),
    ),
    section(
      `${t('stats.byMonth')} · ${measureName}`,
      columnChart(
        t('stats.byMonth'),
        report.breakdowns.month.map((r) => ({
          key: r.key,
          label: formatMonth(r.key),
          value: r[measure],
        })),
      ),
    ),
    h(
      'div',
      { class: 'grid' },
      chart(t('stats.byDisputeType'), report.breakdowns.disputeType),
      chart(t('stats.byNationality'), report.breakdowns.nationality),
      chart(t('stats.byHomeProvince'), report.breakdowns.homeProvince),
      chart(t('stats.byMediatorKind'), report.breakdowns.mediatorKind),
      chart(t('stats.bySource'), report.breakdowns.source),
      chart(t('stats.byStation'), report.breakdowns.station),
    ),
  );
}

function tile(figure: string, value: string): HTMLElement {
  return h(
    'div',
    { class: 'stat-tile', 'data-figure': figure },
    h('span', { class: 'value' }, value),
    h('span', { class: 'label' }, t(`stats.figure.${figure}`)),
  );
}
