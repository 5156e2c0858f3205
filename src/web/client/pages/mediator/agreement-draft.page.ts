/**
 * Drafting the agreement (调解协议书): the facts, matters in dispute and responsibilities, terms
 * picked from the clause library with their parameters or written freely, and performance, each
 * text in Chinese beside every party's language. Missing and unchecked translations are marked as
 * they are typed; issuing is refused by the server with 422 TRANSLATIONS_MISSING, whose details are
 * shown at the fields they name. Once issued, each party's PDF copy can be previewed and saved.
 */
import { ApiError, download } from '../../ui/api';
import { append, h } from '../../ui/dom';
import { formatDay, formatMoney } from '../../ui/format';
import { has } from '../../ui/i18n';
import { clearErrors, showErrors } from '../../ui/forms';
import { badge, pageHeader } from '../../ui/layout';
import { notify } from '../../ui/notice';
import { PageContext, refresh } from '../../ui/router';
import { currentUser } from '../../ui/session';
import {
  Bilingual,
  copyLanguageOf,
  emptyBilingual,
  fromMultilingual,
  gapsOf,
  toMultilingual,
} from './bilingual-text';
import {
  Agreement,
  AgreementDraft,
  CaseDetail,
  ClauseKind,
  ClauseParameter,
  copyPath,
  fetchBlob,
  mediatorApi,
  MultilingualText,
  Panel,
} from './mediator-api';
import {
  card,
  caseHeader,
  check,
  dirOf,
  errorBox,
  field,
  languageList,
  languageName,
  memberName,
  options,
  partyName,
  SUPPORTED,
  tm,
} from './parts';

const CURRENCIES = [
  'CNY',
  'USD',
  'EUR',
  'RUB',
  'KRW',
  'INR',
  'PKR',
  'TRY',
  'AED',
  'SAR',
  'YER',
  'IRR',
];

type ParamValue =
  | string
  | boolean
  | undefined
  | Bilingual
  | { amount: string; currency: string }
  | { amount: string; dueDate: string }[];

interface TermModel {
  kind: 'clause' | 'free';
  clause?: string;
  params: Record<string, ParamValue>;
  text?: Bilingual;
}

interface Model {
  facts: Bilingual;
  mattersInDispute: Bilingual;
  responsibilities: Bilingual;
  terms: TermModel[];
  method: Bilingual;
  place: Bilingual;
  deadline: string;
  copies: number;
  mediatorIds: string[];
  layout: 'side_by_side' | 'paragraphs';
}

const FREE_TEXTS = ['facts', 'mattersInDispute', 'responsibilities'] as const;

export async function renderAgreementDraft(context: PageContext): Promise<Node> {
  const caseId = context.params.caseId;
  let found: CaseDetail, panel: Panel, library: ClauseKind[], agreement: Agreement | undefined;
  try {
    let agreements: Agreement[];
    [found, panel, library, agreements] = await Promise.all([
      mediatorApi.case(caseId),
      mediatorApi.panel(caseId),
      mediatorApi.clauses(),
      mediatorApi.agreements(caseId),
    ]);
    agreement = agreements[0];
  } catch (error) {
    return h('div', { class: 'm-page' }, pageHeader(tm('agreement.title')), errorBox(error));
  }
  const page = h('div', { class: 'm-page' }, caseHeader(found, tm('agreement.title')));
  if (agreement && agreement.state !== 'draft') {
    append(page, [issuedView(found, agreement), copiesCard(found, agreement)]);
    return page;
  }
  if (!agreement && !['mediating', 'agreement_reached'].includes(found.state)) {
    page.append(h('p', { class: 'alert alert-info' }, tm('agreement.notDraftable')));
    return page;
  }
  page.append(draftForm(found, panel, library, agreement));
  return page;
}

/** Chinese first, then each party's copy language, as the server requires them. */
function languagesOf(found: CaseDetail, agreement?: Agreement): string[] {
  if (agreement) return agreement.languages;
  return [...new Set(['zh-CN', ...found.parties.map((p) => copyLanguageOf(p, SUPPORTED))])];
}

function modelFrom(found: CaseDetail, panel: Panel, agreement?: Agreement): Model {
  const seated = panel.members.filter((m) => m.role !== 'interpreter');
  if (!agreement)
    return {
      facts: emptyBilingual(),
      mattersInDispute: emptyBilingual(),
      responsibilities: emptyBilingual(),
      terms: [],
      method: emptyBilingual(),
      place: emptyBilingual(),
      deadline: '',
      copies: found.parties.length + 1,
      mediatorIds: seated.map((m) => m.mediatorId),
      layout: 'side_by_side',
    };
  const c = agreement.content;
  return {
    facts: fromMultilingual(c.facts),
    mattersInDispute: fromMultilingual(c.mattersInDispute),
    responsibilities: fromMultilingual(c.responsibilities),
    terms: c.terms.map((term) =>
      term.kind === 'free'
        ? { kind: 'free', params: {}, text: fromMultilingual(term.text) }
        : { kind: 'clause', clause: term.clause, params: paramsFrom(term.params ?? {}) },
    ),
    method: fromMultilingual(c.performance.method),
    place: fromMultilingual(c.performance.place),
    deadline: c.performance.deadline,
    copies: c.copies,
    mediatorIds: c.mediators.flatMap((m) => (m.mediatorId ? [m.mediatorId] : [])),
    layout: c.layout ?? 'side_by_side',
  };
}

function paramsFrom(params: Record<string, unknown>): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const v = value as Record<string, unknown>;
      if ('original' in v) out[name] = fromMultilingual(v as unknown as MultilingualText);
      else if ('amount' in v) out[name] = v as { amount: string; currency: string };
      else
        out[name] = {
          text: Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)])),
          checked: Object.fromEntries(Object.keys(v).map((k) => [k, true])),
        };
    } else if (Array.isArray(value) && name === 'instalments') {
      out[name] = (
        value as { amount: { amount: string; currency: string }; dueDate: string }[]
      ).map((i) => ({
        amount: i.amount.amount,
        dueDate: i.dueDate,
      }));
      const currency = (value as { amount: { currency: string } }[])[0]?.amount.currency;
      if (currency) out.currency = currency;
    } else if (typeof value === 'string' || typeof value === 'boolean') {
      out[name] = value;
    }
  }
  return out;
}

const isBilingual = (v: ParamValue): v is Bilingual => !!v && typeof v === 'object' && 'text' in v;

/** The model as the API's draft body. */
function toDraft(model: Model, library: ClauseKind[], panel: Panel): AgreementDraft {
  const by = currentUser()?.displayName ?? '';
  const terms = model.terms.map((term) => {
    if (term.kind === 'free')
      return { kind: 'free' as const, text: toMultilingual(term.text ?? emptyBilingual(), by) };
    const spec = library.find((k) => k.kind === term.clause)?.parameters ?? [];
    const params: Record<string, unknown> = {};
    for (const p of spec) {
      const value = term.params[p.name];
      if (p.type === 'languages') continue;
      if (p.type === 'text') {
        if (isBilingual(value) && Object.values(value.text).some((x) => x.trim()))
          params[p.name] = toMultilingual(value, by);
      } else if (p.type === 'money') {
        const money = value as { amount: string; currency: string } | undefined;
        if (money?.amount?.trim())
          params[p.name] = { amount: money.amount.trim(), currency: money.currency };
      } else if (p.type === 'instalments') {
        const rows = (value as { amount: string; dueDate: string }[] | undefined) ?? [];
        const currency = String(term.params.currency ?? 'CNY');
        params[p.name] = rows
          .filter((r) => r.amount.trim() || r.dueDate)
          .map((r) => ({ amount: { amount: r.amount.trim(), currency }, dueDate: r.dueDate }));
      } else if (p.type === 'boolean') {
        if (typeof value === 'boolean') params[p.name] = value;
      } else if (typeof value === 'string' && value !== '') {
        params[p.name] = value;
      }
    }
    return { kind: 'clause' as const, clause: term.clause, params };
  });
  return {
    facts: toMultilingual(model.facts, by),
    mattersInDispute: toMultilingual(model.mattersInDispute, by),
    responsibilities: toMultilingual(model.responsibilities, by),
    terms,
    performance: {
      method: toMultilingual(model.method, by),
      place: toMultilingual(model.place, by),
      deadline: model.deadline,
    },
    copies: model.copies,
    mediators: model.mediatorIds.map((id) => {
      const m = panel.members.find((x) => x.mediatorId === id);
      return { name: m?.name ?? id, mediatorId: id };
    }),
    layout: model.layout,
  };
}

function draftForm(
  found: CaseDetail,
  panel: Panel,
  library: ClauseKind[],
  agreement?: Agreement,
): HTMLElement {
  const languages = languagesOf(found, agreement);
  const model = modelFrom(found, panel, agreement);
  const updaters: (() => void)[] = [];
  const summary = h('div', {
    class: 'm-gap-summary',
    role: 'status',
    'data-testid': 'gap-summary',
  });
  const result = h('div', { class: 'form-summary-slot' });
  const form: HTMLFormElement = h('form', { class: 'm-agreement-form', novalidate: true });
  const termsHolder = h('div', { class: 'm-terms' });

  const updateGaps = () => {
    updaters.forEach((u) => u());
    const missing = form.querySelectorAll('.m-cell[data-gap=missing]').length;
    const unchecked = form.querySelectorAll('.m-cell[data-gap=unchecked]').length;
    summary.replaceChildren(
      missing || unchecked
        ? h('p', { class: 'alert alert-warn' }, tm('agreement.gapSummary', { missing, unchecked }))
        : h('p', { class: 'alert alert-info' }, '✓ ', tm('agreement.noGaps')),
    );
  };

  const editor = (name: string, label: string, value: Bilingual, hint?: string) =>
    bilingualEditor(name, label, value, languages, updaters, updateGaps, hint);

  const drawTerms = () => {
    updaters.length = 0;
    termsHolder.replaceChildren(...model.terms.map((term, i) => termCard(term, i)));
    registerStatic();
    updateGaps();
  };

  const partyOptions = [
    { value: '', label: '—' },
    ...found.parties.map((p) => ({ value: p.id, label: partyName(p) })),
  ];

  const termCard = (term: TermModel, i: number): HTMLElement => {
    const title =
      term.kind === 'free' ? tm('agreement.freeTerm') : tm(`clause.kind.${term.clause}`);
    const remove = h(
      'button',
      {
        type: 'button',
        class: 'button-quiet',
        onClick: () => {
          model.terms.splice(i, 1);
          drawTerms();
        },
      },
      tm('agreement.removeTerm'),
    );
    const up =
      i > 0
        ? h(
            'button',
            {
              type: 'button',
              class: 'button-quiet',
              onClick: () => {
                [model.terms[i - 1], model.terms[i]] = [model.terms[i], model.terms[i - 1]];
                drawTerms();
              },
            },
            tm('agreement.moveUp'),
          )
        : null;
    const body: Node[] = [];
    if (term.kind === 'free') {
      term.text ??= emptyBilingual();
      body.push(editor(`terms.${i}.text`, tm('agreement.termText'), term.text));
    } else {
      const spec = library.find((k) => k.kind === term.clause)?.parameters ?? [];
      if (!spec.filter((p) => p.type !== 'languages').length)
        body.push(h('p', { class: 'hint' }, tm('agreement.noParameters')));
      const simple = h('div', { class: 'form-grid' });
      for (const p of spec) {
        const node = paramControl(term, i, p, partyOptions, editor);
        if (!node) continue;
        if (p.type === 'text' || p.type === 'instalments') body.push(node);
        else simple.append(node);
      }
      body.unshift(simple);
    }
    return h(
      'fieldset',
      { class: 'm-term card', 'data-field': `terms.${i}` },
      h('legend', null, `${i + 1}. ${title}`),
      body,
      h('p', { class: 'field-error', hidden: true }),
      h('div', { class: 'button-row' }, up, remove),
    );
  };

  // Picker of the clause library: a clause kind and "add", or a free-text term.
  const clauseSelect = h(
    'select',
    { name: 'clausePicker' },
    options(library.map((k) => ({ value: k.kind, label: tm(`clause.kind.${k.kind}`) }))),
  );
  const picker = h(
    'div',
    { class: 'm-picker' },
    field(tm('agreement.clauseLibrary'), clauseSelect, tm('agreement.clauseLibraryHint')),
    h(
      'div',
      { class: 'button-row' },
      h(
        'button',
        {
          type: 'button',
          'data-testid': 'add-clause',
          onClick: () => {
            model.terms.push({
              kind: 'clause',
              clause: clauseSelect.value,
              params: defaultsFor(clauseSelect.value, library, found),
            });
            drawTerms();
            termsHolder.lastElementChild
              ?.querySelector<HTMLElement>('input, select, textarea')
              ?.focus();
          },
        },
        tm('agreement.addClause'),
      ),
      h(
        'button',
        {
          type: 'button',
          onClick: () => {
            model.terms.push({ kind: 'free', params: {}, text: emptyBilingual() });
            drawTerms();
            termsHolder.lastElementChild?.querySelector<HTMLElement>('textarea')?.focus();
          },
        },
        tm('agreement.addFree'),
      ),
    ),
  );

  const staticEditors = FREE_TEXTS.map((k) => editor(k, tm(`agreement.${k}`), model[k]));
  const methodEditor = editor('performance.method', tm('agreement.method'), model.method);
  const placeEditor = editor('performance.place', tm('agreement.place'), model.place);
  const staticUpdaters = updaters.slice();
  const registerStatic = () => updaters.push(...staticUpdaters);

  const deadline = h('input', {
    type: 'date',
    value: model.deadline,
    onInput: () => (model.deadline = deadline.value),
    onChange: () => (model.deadline = deadline.value),
  });
  const copies = h('input', {
    type: 'number',
    min: 2,
    max: 20,
    value: String(model.copies),
    onInput: () => (model.copies = Number(copies.value)),
  });
  const layout = h(
    'select',
    { onChange: () => (model.layout = layout.value as Model['layout']) },
    options(
      [
        { value: 'side_by_side', label: tm('agreement.layoutSide') },
        { value: 'paragraphs', label: tm('agreement.layoutParagraphs') },
      ],
      model.layout,
    ),
  );
  const signing = h(
    'fieldset',
    { class: 'field m-checks', 'data-field': 'mediators' },
    h('legend', null, tm('agreement.signingMediators')),
    panel.members
      .filter((m) => m.role !== 'interpreter')
      .map((m) =>
        check(memberName(m), {
          checked: model.mediatorIds.includes(m.mediatorId),
          onChange: (e: Event) => {
            const on = (e.target as HTMLInputElement).checked;
            model.mediatorIds = on
              ? [...new Set([...model.mediatorIds, m.mediatorId])]
              : model.mediatorIds.filter((x) => x !== m.mediatorId);
          },
        }),
      ),
    h('p', { class: 'field-error', hidden: true }),
  );

  const save = async () => {
    clearErrors(form);
    form.querySelectorAll('.m-server-gap').forEach((el) => el.classList.remove('m-server-gap'));
    result.replaceChildren();
    const body = toDraft(model, library, panel);
    const saved = agreement
      ? await mediatorApi.updateDraft(agreement.id, body)
      : await mediatorApi.draftAgreement(found.id, body);
    agreement = saved;
    return saved;
  };
  const fail = (error: unknown) => {
    const missing = error instanceof ApiError && error.code === 'TRANSLATIONS_MISSING';
    const box = errorBox(
      error,
      missing ? 'warn' : 'error',
      missing ? tm('agreement.cannotIssue') : undefined,
    );
    box.setAttribute('data-testid', 'draft-error');
    showErrors(form, error);
    // Only the languages that lack the text are invalid, not the Chinese beside them.
    form
      .querySelectorAll('.m-cell[data-gap="ok"] textarea')
      .forEach((area) => area.removeAttribute('aria-invalid'));
    form
      .querySelectorAll<HTMLElement>('.field-error:not([hidden])')
      .forEach((line) => line.closest('[data-field]')?.classList.add('m-server-gap'));
    result.replaceChildren(box);
    box.focus();
  };
  const saveButton = h(
    'button',
    { type: 'button', 'data-testid': 'save-draft' },
    tm('agreement.save'),
  );
  const issueButton = h(
    'button',
    { type: 'button', class: 'button-primary', 'data-testid': 'issue' },
    tm('agreement.issue'),
  );
  const run = async (button: HTMLButtonElement, work: () => Promise<void>) => {
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    try {
      await work();
    } catch (error) {
      fail(error);
    } finally {
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  };
  saveButton.addEventListener('click', () =>
    run(saveButton, async () => {
      const first = !agreement;
      await save();
      notify(tm('agreement.saved'));
      if (first) refresh();
    }),
  );
  issueButton.addEventListener('click', () =>
    run(issueButton, async () => {
      const saved = await save();
      await mediatorApi.issue(saved.id);
      notify(tm('agreement.issued'));
      refresh();
    }),
  );

  append(form, [
    h(
      'p',
      { class: 'm-languages' },
      tm('agreement.languages'),
      ' ',
      h('strong', null, languageList(languages)),
      agreement ? [' · ', badge(tm('agreement.stateValue.draft'), 'warn')] : null,
    ),
    summary,
    card('m-facts', tm('agreement.statements'), staticEditors),
    card('m-terms', tm('agreement.terms'), termsHolder, picker),
    card(
      'm-performance',
      tm('agreement.performance'),
      methodEditor,
      placeEditor,
      h(
        'div',
        { class: 'form-grid' },
        field(tm('agreement.deadline'), deadline, undefined, 'performance.deadline'),
        field(tm('agreement.copies'), copies, tm('agreement.copiesHint'), 'copies'),
        field(tm('agreement.layout'), layout, undefined, 'layout'),
      ),
      signing,
    ),
    result,
    h('div', { class: 'button-row m-sticky-actions' }, saveButton, issueButton),
  ]);
  drawTerms();
  return form;
}

function defaultsFor(
  kind: string,
  library: ClauseKind[],
  found: CaseDetail,
): Record<string, ParamValue> {
  const spec = library.find((k) => k.kind === kind)?.parameters ?? [];
  const applicant = found.parties.find((p) => p.role === 'applicant')?.id ?? '';
  const respondent = found.parties.find((p) => p.role === 'respondent')?.id ?? '';
  const currency = found.amountInDispute?.currency ?? 'CNY';
  const out: Record<string, ParamValue> = {};
  const parties = spec.filter((p) => p.type === 'party' && p.required);
  // The one who owes comes first in every clause kind; in most disputes that is the respondent.
  if (parties[0]) out[parties[0].name] = respondent;
  if (parties[1]) out[parties[1].name] = applicant;
  for (const p of spec) {
    if (p.type === 'money') out[p.name] = { amount: '', currency };
    if (p.type === 'instalments') {
      out[p.name] = [
        { amount: '', dueDate: '' },
        { amount: '', dueDate: '' },
      ];
      out.currency = currency;
    }
    if (p.type === 'text') out[p.name] = emptyBilingual();
  }
  return out;
}

function paramControl(
  term: TermModel,
  i: number,
  p: ClauseParameter,
  partyOptions: { value: string; label: string }[],
  editor: (name: string, label: string, value: Bilingual, hint?: string) => HTMLElement,
): HTMLElement | null {
  const name = `terms.${i}.params.${p.name}`;
  const label = `${tm(`clause.param.${p.name}`)}${p.required ? ' *' : ''}`;
  const set = (value: ParamValue) => (term.params[p.name] = value);
  switch (p.type) {
    case 'languages':
      return null;
    case 'party': {
      const el = h(
        'select',
        { required: p.required, onChange: () => set(el.value) },
        options(partyOptions, String(term.params[p.name] ?? '')),
      );
      return field(label, el, undefined, name);
    }
    case 'date': {
      const el = h('input', {
        type: 'date',
        required: p.required,
        value: String(term.params[p.name] ?? ''),
        onInput: () => set(el.value),
        onChange: () => set(el.value),
      });
      return field(label, el, undefined, name);
    }
    case 'paymentMethod':
    case 'apologyForm': {
      const values = p.values ?? [];
      const el = h(
        'select',
        { onChange: () => set(el.value) },
        options(
          [
            { value: '', label: '—' },
            ...values.map((v) => ({ value: v, label: tm(`clause.value.${v}`) })),
          ],
          String(term.params[p.name] ?? ''),
        ),
      );
      return field(label, el, undefined, name);
    }
    case 'boolean': {
      return h(
        'div',
        { class: 'field', 'data-field': name },
        check(label, {
          checked: term.params[p.name] === true,
          onChange: (e: Event) => set((e.target as HTMLInputElement).checked),
        }),
        h('p', { class: 'field-error', hidden: true }),
      );
    }
    case 'money': {
      const money = (term.params[p.name] as { amount: string; currency: string } | undefined) ?? {
        amount: '',
        currency: 'CNY',
      };
      term.params[p.name] = money;
      const amount = h('input', {
        type: 'text',
        inputmode: 'decimal',
        dir: 'ltr',
        value: money.amount,
        placeholder: '0.00',
        onInput: () => (money.amount = amount.value),
      });
      const currency = h(
        'select',
        {
          'aria-label': `${tm(`clause.param.${p.name}`)} — ${tm('agreement.currency')}`,
          onChange: () => (money.currency = currency.value),
        },
        options(
          [...new Set([money.currency, ...CURRENCIES])].map((c) => ({ value: c, label: c })),
          money.currency,
        ),
      );
      const wrapper = field(label, amount, undefined, name);
      wrapper.insertBefore(
        h('div', { class: 'm-money' }, amount, currency),
        wrapper.querySelector('.field-error'),
      );
      return wrapper;
    }
    case 'text': {
      const value = isBilingual(term.params[p.name])
        ? (term.params[p.name] as Bilingual)
        : emptyBilingual();
      term.params[p.name] = value;
      return editor(name, label, value);
    }
    case 'instalments': {
      const rows = (term.params[p.name] as { amount: string; dueDate: string }[] | undefined) ?? [];
      term.params[p.name] = rows;
      const currency = h(
        'select',
        { onChange: () => (term.params.currency = currency.value) },
        options(
          CURRENCIES.map((c) => ({ value: c, label: c })),
          String(term.params.currency ?? 'CNY'),
        ),
      );
      const list = h('ol', { class: 'm-instalments' });
      const draw = () =>
        list.replaceChildren(
          ...rows.map((row, r) => {
            const amount = h('input', {
              type: 'text',
              inputmode: 'decimal',
              dir: 'ltr',
              value: row.amount,
              onInput: () => (row.amount = amount.value),
            });
            const due = h('input', {
              type: 'date',
              value: row.dueDate,
              onInput: () => (row.dueDate = due.value),
              onChange: () => (row.dueDate = due.value),
            });
            return h(
              'li',
              { class: 'form-grid' },
              field(
                tm('agreement.instalmentAmount', { n: r + 1 }),
                amount,
                undefined,
                `${name}.${r}.amount`,
              ),
              field(
                tm('agreement.instalmentDue', { n: r + 1 }),
                due,
                undefined,
                `${name}.${r}.dueDate`,
              ),
            );
          }),
        );
      draw();
      return h(
        'fieldset',
        { class: 'field', 'data-field': name },
        h('legend', null, label),
        field(tm('agreement.currency'), currency),
        list,
        h(
          'div',
          { class: 'button-row' },
          h(
            'button',
            {
              type: 'button',
              class: 'button-quiet',
              onClick: () => {
                rows.push({ amount: '', dueDate: '' });
                draw();
              },
            },
            tm('agreement.addInstalment'),
          ),
        ),
        h('p', { class: 'field-error', hidden: true }),
      );
    }
    default:
      return null;
  }
}

/**
 * One text in every language of the agreement, side by side: Chinese (the original) and each
 * party's language, each translation with its "checked by a person" mark. A missing or unchecked
 * translation is outlined and says so in words, not by colour alone.
 */
function bilingualEditor(
  name: string,
  label: string,
  value: Bilingual,
  languages: string[],
  updaters: (() => void)[],
  onChange: () => void,
  hint?: string,
): HTMLElement {
  const cells = languages.map((language) => {
    const area = h('textarea', {
      rows: 3,
      lang: language,
      dir: dirOf(language),
      maxlength: 20000,
      'data-language': language,
    });
    area.value = value.text[language] ?? '';
    const areaId = `${name}-${language}`.replace(/[^\w-]/g, '-');
    area.id = areaId;
    const tag = h('p', { class: 'm-gap-tag', id: `${areaId}-gap` });
    area.setAttribute('aria-describedby', tag.id);
    area.addEventListener('input', () => {
      value.text[language] = area.value;
      onChange();
    });
    const mark =
      language === 'zh-CN'
        ? null
        : check(tm('agreement.checked'), {
            checked: value.checked[language] === true,
            'data-checked': language,
            onChange: (e: Event) => {
              value.checked[language] = (e.target as HTMLInputElement).checked;
              onChange();
            },
          });
    const cell = h(
      'div',
      { class: 'm-cell', 'data-language': language },
      h(
        'label',
        { for: areaId },
        languageName(language),
        language === 'zh-CN' ? ` (${tm('agreement.original')})` : '',
      ),
      area,
      mark,
      tag,
    );
    return { language, cell, tag };
  });
  updaters.push(() => {
    const gaps = gapsOf(value, languages);
    for (const { language, cell, tag } of cells) {
      const gap = gaps.get(language);
      cell.dataset.gap = gap ?? 'ok';
      tag.textContent =
        gap === 'missing'
          ? `⚠ ${tm(language === 'zh-CN' ? 'agreement.textMissing' : 'agreement.gapMissing')}`
          : gap === 'unchecked'
            ? `⚠ ${tm('agreement.gapUnchecked')}`
            : '';
    }
  });
  return h(
    'fieldset',
    { class: 'field m-bilingual', 'data-field': name },
    h('legend', null, label),
    hint ? h('p', { class: 'hint' }, hint) : null,
    sideBySide(
      languages.length,
      cells.map((c) => c.cell),
    ),
    h('p', { class: 'field-error', hidden: true }),
  );
}

/** Columns, one per language (set through the CSSOM: the content security policy forbids inline styles). */
function sideBySide(columns: number, cells: Node[]): HTMLElement {
  const grid = h('div', { class: 'm-side' }, cells);
  grid.style.setProperty('--m-columns', String(columns));
  return grid;
}

/** An issued or effective version, read-only, each text in its languages side by side. */
function issuedView(found: CaseDetail, agreement: Agreement): HTMLElement {
  const c = agreement.content;
  const languages = agreement.languages;
  const side = (label: string, text: MultilingualText) => {
    const b = fromMultilingual(text);
    return h(
      'div',
      { class: 'm-read' },
      h('h3', null, label),
      sideBySide(
        languages.length,
        languages.map((l) =>
          h(
            'div',
            { class: 'm-cell' },
            h('span', { class: 'm-lang' }, languageName(l)),
            h('p', { lang: l, dir: dirOf(l) }, b.text[l] ?? '—'),
          ),
        ),
      ),
    );
  };
  return card(
    'm-issued',
    tm('agreement.version', { version: agreement.currentVersion }),
    h(
      'p',
      { 'data-testid': 'agreement-state' },
      badge(
        tm(`agreement.stateValue.${agreement.state}`),
        agreement.state === 'effective' ? 'good' : 'info',
      ),
      agreement.verificationCode
        ? [
            ' ',
            tm('agreement.verificationCode'),
            ' ',
            h('code', { dir: 'ltr' }, agreement.verificationCode),
          ]
        : null,
      agreement.confirmationDeadline
        ? [
            ' · ',
            tm('agreement.confirmationDeadline', {
              date: formatDay(agreement.confirmationDeadline.slice(0, 10)),
            }),
          ]
        : null,
    ),
    side(tm('agreement.facts'), c.facts),
    side(tm('agreement.mattersInDispute'), c.mattersInDispute),
    side(tm('agreement.responsibilities'), c.responsibilities),
    h('h3', null, tm('agreement.terms')),
    h(
      'ol',
      null,
      c.terms.map((term) =>
        term.kind === 'free' && term.text
          ? h('li', null, side(tm('agreement.freeTerm'), term.text))
          : h(
              'li',
              null,
              h('strong', null, tm(`clause.kind.${term.clause}`)),
              ' — ',
              h('span', { class: 'm-muted' }, tm('agreement.inAllLanguages')),
              paramSummary(found, term.params ?? {}),
            ),
      ),
    ),
    side(tm('agreement.method'), c.performance.method),
    side(tm('agreement.place'), c.performance.place),
    h('p', null, `${tm('agreement.deadline')}: ${formatDay(c.performance.deadline)}`),
    h(
      'div',
      { class: 'button-row' },
      h(
        'a',
        {
          class: 'button button-primary',
          href: `/mediator/cases/${found.id}/agreement/signatures`,
        },
        tm('case.signatures'),
      ),
    ),
  );
}

/** A clause's details as the mediator entered them: parties by name, money, dates, texts in Chinese. */
function paramSummary(found: CaseDetail, params: Record<string, unknown>): HTMLElement | null {
  const shown = (value: unknown): string => {
    if (typeof value === 'boolean') return value ? tm('followUp.yes') : tm('followUp.no');
    if (typeof value === 'string') {
      const party = found.parties.find((p) => p.id === value);
      if (party) return partyName(party);
      if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDay(value);
      return has(`web-mediator:clause.value.${value}`) ? tm(`clause.value.${value}`) : value;
    }
    if (Array.isArray(value)) return value.map(shown).join('; ');
    if (value && typeof value === 'object') {
      const v = value as Record<string, unknown>;
      if ('currency' in v) return formatMoney(v as { amount: string; currency: string });
      if ('dueDate' in v) return `${shown(v.amount)} (${shown(v.dueDate)})`;
      if ('original' in v)
        return fromMultilingual(v as unknown as MultilingualText).text['zh-CN'] ?? '';
    }
    return '';
  };
  const rows = Object.entries(params).filter(([name]) => name !== 'languages');
  if (!rows.length) return null;
  return h(
    'dl',
    { class: 'm-params' },
    rows.map(([name, value]) =>
      h('div', null, h('dt', null, tm(`clause.param.${name}`)), h('dd', null, shown(value))),
    ),
  );
}

/** Each party's copy (Chinese and the party's language) as PDF: previewed here, or saved. */
export function copiesCard(found: CaseDetail, agreement: Agreement): HTMLElement {
  const preview = h('div', { class: 'm-preview' });
  let url: string | null = null;
  return card(
    'm-copies',
    tm('agreement.copiesTitle'),
    h(
      'ul',
      { class: 'm-plain m-copies' },
      agreement.content.parties.map((p) => {
        const party = found.parties.find((x) => x.id === p.id);
        const name = party ? partyName(party) : p.nameOriginal;
        const slot = h('span', { role: 'status' });
        const show = h(
          'button',
          { type: 'button', 'data-testid': `preview-${p.id}` },
          tm('agreement.preview'),
        );
        show.addEventListener('click', async () => {
          slot.replaceChildren();
          try {
            const blob = await fetchBlob(copyPath(agreement.id, p.id));
            if (url) URL.revokeObjectURL(url);
            url = URL.createObjectURL(blob);
            preview.replaceChildren(
              h('h3', null, tm('agreement.previewOf', { name })),
              h('iframe', { src: url, title: tm('agreement.previewOf', { name }), class: 'm-pdf' }),
            );
          } catch (error) {
            slot.replaceChildren(errorBox(error));
          }
        });
        const save = h(
          'button',
          { type: 'button', 'data-testid': `download-${p.id}` },
          tm('agreement.download'),
        );
        save.addEventListener('click', () => {
          download(copyPath(agreement.id, p.id), {}, `agreement-${p.id}.pdf`).catch(
            (error: unknown) => slot.replaceChildren(errorBox(error)),
          );
        });
        return h(
          'li',
          null,
          name,
          ` — ${p.language === 'zh-CN' ? languageName('zh-CN') : `${languageName('zh-CN')} + ${languageName(p.language)}`} `,
          show,
          ' ',
          save,
          slot,
        );
      }),
    ),
    preview,
  );
}
