/**
 * Registering a dispute at the counter (POST /api/v1/cases): where and how it came in, the dispute
 * type and amount, the applicant's account and requests in the language told (with a Chinese
 * translation), the escalation risk, and the parties (see party-fields.ts). On success the case
 * page opens with its new number.
 */
import { api } from '../../ui/api';
import { h } from '../../ui/dom';
import {
  busy,
  checkboxField,
  formSummary,
  Option,
  selectField,
  showErrors,
  textArea,
  textField,
  valueOf,
} from '../../ui/forms';
import { t } from '../../ui/i18n';
import { chinaToday } from '../../ui/format';
import { pageHeader } from '../../ui/layout';
import { notify } from '../../ui/notice';
import { navigate, PageContext } from '../../ui/router';
import { countries, dialects, disputeTypes, worldLanguages } from '../../ui/reference';
import { PartyBlock, partyBlock, PartyReferences } from './party-fields';

const SOURCES = [
  'party_application',
  'committee_initiative',
  'police_referral',
  'court_referral',
  'government_assignment',
];
const CURRENCIES = [
  'CNY',
  'USD',
  'EUR',
  'KRW',
  'RUB',
  'AED',
  'SAR',
  'PKR',
  'INR',
  'IRR',
  'TRY',
  'BRL',
  'GBP',
  'HKD',
];

interface Station {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
}

export async function registerPage(context: PageContext): Promise<HTMLElement> {
  const [stations, types, countryList, languageList, dialectList] = await Promise.all([
    api.get<Station[]>('/stations'),
    disputeTypes(),
    countries(),
    worldLanguages(),
    dialects(),
  ]);
  const refs: PartyReferences = {
    countries: countryList,
    languages: languageList,
    dialects: dialectList,
  };
  const languageOptions: Option[] = languageList.map((l) => ({ value: l.code, label: l.name }));
  const stationOptions = stations.map((s) => ({
    value: s.id,
    label: document.documentElement.lang.startsWith('zh') ? s.nameZh : s.nameEn,
  }));

  const parties: PartyBlock[] = [];
  const partyList = h('div', { class: 'parties' });
  const addParty = (role: string) => {
    const block = partyBlock(parties.length, role, refs);
    parties.push(block);
    partyList.append(block.root);
    return block;
  };
  addParty('applicant');
  addParty('respondent');

  const submit = h('button', { type: 'submit', class: 'button-primary' }, t('register.submit'));
  const form: HTMLFormElement = h(
    'form',
    { class: 'register-form', novalidate: true, onSubmit: (event: Event) => void onSubmit(event) },
    formSummary(),
    h(
      'fieldset',
      { class: 'card' },
      h('legend', null, t('register.caseSection')),
      h(
        'div',
        { class: 'form-grid' },
        selectField({
          name: 'stationId',
          label: t('register.station'),
          required: true,
          options: stationOptions,
          value: context.user.stationId ?? stationOptions[0]?.value,
        }),
        selectField({
          name: 'source',
          label: t('register.source'),
          required: true,
          options: SOURCES.map((s) => ({ value: s, label: t(`enum.source.${s}`) })),
          value: 'party_application',
        }),
        textField({
          name: 'receivedOn',
          label: t('register.receivedOn'),
          type: 'date',
          required: true,
          value: chinaToday(),
          attrs: { max: chinaToday() },
        }),
        selectField({
          name: 'disputeType',
          label: t('register.disputeType'),
          required: true,
          options: types.map((d) => ({ value: d.code, label: d.name })),
          placeholder: t('register.choose'),
        }),
        textField({
          name: 'amountInDispute.amount',
          label: t('register.amount'),
          hint: t('register.amountHint'),
          attrs: { inputmode: 'decimal', dir: 'ltr' },
        }),
        selectField({
          name: 'amountInDispute.currency',
          label: t('register.currency'),
          options: CURRENCIES.map((c) => ({ value: c, label: c })),
          value: 'CNY',
        }),
      ),
    ),
    h(
      'fieldset',
      { class: 'card' },
      h('legend', null, t('register.accountSection')),
      h(
        'div',
        { class: 'form-grid' },
        selectField({
          name: 'account.original.language',
          label: t('register.toldIn'),
          required: true,
          options: languageOptions,
          value: 'zh',
        }),
      ),
      textArea({
        name: 'account.original.text',
        label: t('register.account'),
        required: true,
        rows: 4,
        attrs: { dir: 'auto' },
      }),
      textArea({
        name: 'account.translations.0.text',
        label: t('register.accountZh'),
        hint: t('register.translationHint'),
        rows: 3,
        attrs: { lang: 'zh-CN' },
      }),
      textArea({
        name: 'requests.original.text',
        label: t('register.requests'),
        required: true,
        rows: 3,
        attrs: { dir: 'auto' },
      }),
      textArea({
        name: 'requests.translations.0.text',
        label: t('register.requestsZh'),
        rows: 2,
        attrs: { lang: 'zh-CN' },
      }),
      checkboxField({ name: 'risk.escalationRisk', label: t('register.escalationRisk') }),
      textField({
        name: 'risk.personsAtRisk',
        label: t('register.personsAtRisk'),
        type: 'number',
        attrs: { min: 0, max: 10000, inputmode: 'numeric' },
      }),
    ),
    h('h2', null, t('register.partiesSection')),
    partyList,
    h(
      'div',
      { class: 'button-row' },
      h(
        'button',
        {
          type: 'button',
          onClick: () => {
            const block = addParty('third_party');
            block.root.querySelector<HTMLElement>('select, input')?.focus();
          },
        },
        t('register.addParty'),
      ),
    ),
    h('div', { class: 'button-row' }, submit),
  );

  async function onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const body = collect();
    try {
      const created = await busy(submit, () =>
        api.post<{ id: string; caseNumber: string }>('/cases', body),
      );
      notify(t('register.done', { number: created.caseNumber }));
      navigate(`/cases/${created.id}`);
    } catch (error) {
      showErrors(form, error);
    }
  }

  function text(name: string): string | undefined {
    return valueOf(form, name);
  }

  function multilingual(prefix: 'account' | 'requests'): Record<string, unknown> {
    const language = text('account.original.language') ?? '';
    const translation = text(`${prefix}.translations.0.text`);
    return {
      original: { language, text: text(`${prefix}.original.text`) ?? '' },
      translations:
        translation && !language.startsWith('zh')
          ? [
              {
                language: 'zh-CN',
                text: translation,
                translatedBy: context.user.displayName,
                checked: false,
              },
            ]
          : [],
    };
  }

  function collect(): Record<string, unknown> {
    const body: Record<string, unknown> = {
      stationId: text('stationId'),
      source: text('source'),
      receivedOn: text('receivedOn'),
      disputeType: text('disputeType'),
      account: multilingual('account'),
      requests: multilingual('requests'),
      parties: parties.map((p) => p.collect()),
    };
    const amount = text('amountInDispute.amount');
    if (amount)
      body.amountInDispute = {
        amount: amount.replace(/[,\s]/g, ''),
        currency: text('amountInDispute.currency'),
      };
    const risky = (form.elements.namedItem('risk.escalationRisk') as HTMLInputElement).checked;
    const persons = text('risk.personsAtRisk');
    if (risky || persons)
      body.risk = { escalationRisk: risky, ...(persons ? { personsAtRisk: Number(persons) } : {}) };
    return body;
  }

  return h(
    'div',
    null,
    pageHeader(t('register.title')),
    h('p', { class: 'subtitle' }, t('register.intro')),
    form,
  );
}
