/**
 * One party of a dispute on the registration form: a person (with the country picker and, for
 * Chinese citizens, the home-region picker and dialects) or an organisation, the consent given at
 * the counter, and the duplicate-person prompt: as soon as a name with nationality, an identity
 * number or a phone is typed, POST /persons/matches is asked whether the person is already on
 * file, and the clerk may link the existing person instead of registering them twice.
 * Field names are the API's field paths (parties.<i>.person.…) so that 400 details land beside them.
 */
import { api } from '../../ui/api';
import { h, replace } from '../../ui/dom';
import {
  checkboxField,
  Option,
  radioGroup,
  selectField,
  textArea,
  textField,
} from '../../ui/forms';
import { t } from '../../ui/i18n';
import { Dialect, divisions, Named, nameOf, WorldLanguage } from '../../ui/reference';

export interface PartyReferences {
  countries: Named[];
  languages: WorldLanguage[];
  dialects: Dialect[];
}

export interface PartyBlock {
  root: HTMLElement;
  collect(): Record<string, unknown>;
}

interface PersonMatch {
  personId: string;
  matchedOn: string[];
  nameOriginal: string;
  nameLatin: string | null;
  nameZh: string | null;
  nationality: string;
  birthYear: number | null;
  homeRegionCode: string | null;
  identityDocument: { type: string; number: string } | null;
  phone: string | null;
  cases: number;
}

const ROLES = ['applicant', 'respondent', 'third_party'];
const SEXES = ['female', 'male', 'unspecified'];
const ID_TYPES = ['passport', 'permanent_residence_id', 'resident_id'];
const CONSENT_METHODS = ['signed_form', 'oral_recorded', 'fingerprint', 'electronic'];

const options = (values: string[], prefix: string): Option[] =>
  values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));

export function partyBlock(index: number, role: string, refs: PartyReferences): PartyBlock {
  const at = `parties.${index}`;
  const countryOptions = refs.countries.map((c) => ({
    value: c.code,
    label: `${c.name} (${c.code})`,
  }));
  const languageOptions = refs.languages.map((l) => ({
    value: l.code,
    label: l.nativeName && l.nativeName !== l.name ? `${l.name} — ${l.nativeName}` : l.name,
  }));
  let linkedPerson: PersonMatch | null = null;
  const dismissed = new Set<string>();

  const field = <E extends Element>(root: Element, name: string) =>
    root.querySelector(`[name="${name}"]`) as E | null;
  const value = (name: string) => {
    const control = field<HTMLInputElement>(root, name);
    const text = control?.value.trim();
    return text ? text : undefined;
  };

  // Kind of party
  const kind = radioGroup({
    name: `${at}.kind`,
    label: t('register.partyKind'),
    value: 'person',
    options: [
      { value: 'person', label: t('register.kindPerson') },
      { value: 'organisation', label: t('register.kindOrganisation') },
    ],
  });

  // Home region: province → prefecture → county, shown for Chinese citizens only.
  const province = selectField({
    name: `${at}.region.province`,
    label: t('register.province'),
    options: [],
    placeholder: '—',
  });
  const prefecture = selectField({
    name: `${at}.region.prefecture`,
    label: t('register.prefecture'),
    options: [],
    placeholder: '—',
  });
  const county = selectField({
    name: `${at}.person.homeRegionCode`,
    label: t('register.county'),
    options: [],
    placeholder: '—',
  });
  const dialectBox = h('div', { class: 'field', 'data-field': `${at}.person.dialects` });
  const regionFieldset = h(
    'fieldset',
    { class: 'region-picker', hidden: true },
    h('legend', null, t('register.homeRegion')),
    h('p', { class: 'hint' }, t('register.homeRegionHint')),
    h('div', { class: 'form-grid' }, province, prefecture, county),
    dialectBox,
  );
  const fillSelect = (wrapper: HTMLElement, items: { code: string; name: string }[]) => {
    const select = wrapper.querySelector('select')!;
    replace(
      select,
      h('option', { value: '' }, '—'),
      items.map((d) => h('option', { value: d.code }, d.name)),
    );
  };
  const showDialects = (code: string) => {
    const matching = refs.dialects.filter((d) => d.regionPrefixes.some((p) => code.startsWith(p)));
    replace(
      dialectBox,
      matching.length > 0 &&
        h(
          'fieldset',
          { class: 'radio-group' },
          h('legend', null, t('register.dialects')),
          matching.map((d) =>
            checkboxField({ name: `${at}.person.dialects`, value: d.code, label: d.name }),
          ),
        ),
    );
  };
  province.querySelector('select')!.addEventListener('change', async (event) => {
    const code = (event.target as HTMLSelectElement).value;
    fillSelect(prefecture, code ? await divisions(code) : []);
    fillSelect(county, []);
    showDialects(code);
  });
  prefecture.querySelector('select')!.addEventListener('change', async (event) => {
    const code = (event.target as HTMLSelectElement).value;
    fillSelect(county, code ? await divisions(code) : []);
    if (code) showDialects(code);
  });
  county.querySelector('select')!.addEventListener('change', (event) => {
    const code = (event.target as HTMLSelectElement).value;
    if (code) showDialects(code);
  });

  const nationality = selectField({
    name: `${at}.person.nationality`,
    label: t('register.nationality'),
    required: true,
    options: countryOptions,
    placeholder: t('register.choose'),
  });
  nationality.querySelector('select')!.addEventListener('change', async (event) => {
    const code = (event.target as HTMLSelectElement).value;
    regionFieldset.hidden = code !== 'CN';
    if (code === 'CN' && province.querySelector('select')!.options.length <= 1) {
      fillSelect(province, await divisions());
    }
    checkDuplicates();
  });

  const prompt = h('div', { class: 'duplicate-slot', 'aria-live': 'polite' });
  const personFields = h(
    'div',
    { class: 'person-fields' },
    h(
      'div',
      { class: 'form-grid' },
      textField({
        name: `${at}.person.nameOriginal`,
        label: t('register.nameOriginal'),
        required: true,
        hint: t('register.nameOriginalHint'),
        attrs: { dir: 'auto' },
      }),
      textField({
        name: `${at}.person.nameLatin`,
        label: t('register.nameLatin'),
        attrs: { dir: 'ltr' },
      }),
      textField({
        name: `${at}.person.nameZh`,
        label: t('register.nameZh'),
        attrs: { lang: 'zh-CN' },
      }),
      selectField({
        name: `${at}.person.sex`,
        label: t('register.sex'),
        required: true,
        options: options(SEXES, 'enum.sex'),
        placeholder: t('register.choose'),
      }),
      textField({
        name: `${at}.person.birthYear`,
        label: t('register.birthYear'),
        type: 'number',
        attrs: { min: 1900, max: 2100, inputmode: 'numeric' },
      }),
      nationality,
    ),
    regionFieldset,
    h(
      'div',
      { class: 'form-grid' },
      selectField({
        name: `${at}.person.identityDocument.type`,
        label: t('register.idType'),
        options: options(ID_TYPES, 'enum.idType'),
        placeholder: '—',
      }),
      textField({
        name: `${at}.person.identityDocument.number`,
        label: t('register.idNumber'),
        attrs: { dir: 'ltr', autocomplete: 'off' },
      }),
      textField({
        name: `${at}.person.phone`,
        label: t('register.phone'),
        type: 'tel',
        hint: t('register.phoneHint'),
        attrs: { dir: 'ltr', inputmode: 'tel' },
      }),
      selectField({
        name: `${at}.person.preferredLanguages`,
        label: t('register.preferredLanguage'),
        required: true,
        options: languageOptions,
        placeholder: t('register.choose'),
      }),
      selectField({
        name: `${at}.person.secondLanguage`,
        label: t('register.secondLanguage'),
        options: languageOptions,
        placeholder: '—',
      }),
      textField({ name: `${at}.person.occupation`, label: t('register.occupation') }),
      textField({ name: `${at}.person.address`, label: t('register.address') }),
    ),
    checkboxField({ name: `${at}.person.needsInterpreter`, label: t('register.needsInterpreter') }),
  );
  const linkedBox = h('div', { class: 'linked-person', hidden: true });

  const organisationFields = h(
    'div',
    { class: 'organisation-fields form-grid', hidden: true },
    textField({
      name: `${at}.organisation.nameOriginal`,
      label: t('register.orgName'),
      required: true,
      attrs: { dir: 'auto' },
    }),
    textField({
      name: `${at}.organisation.creditCode`,
      label: t('register.creditCode'),
      hint: t('register.creditCodeHint'),
      attrs: { dir: 'ltr' },
    }),
    selectField({
      name: `${at}.organisation.country`,
      label: t('register.orgCountry'),
      required: true,
      options: countryOptions,
      value: 'CN',
    }),
    textField({
      name: `${at}.organisation.legalRepresentative`,
      label: t('register.legalRepresentative'),
    }),
    textField({ name: `${at}.organisation.address`, label: t('register.address') }),
  );

  const consentFields = h(
    'fieldset',
    { class: 'consent' },
    h('legend', null, t('register.consent')),
    h('p', { class: 'hint' }, t('register.consentHint')),
    radioGroup({
      name: `${at}.consent.decision`,
      label: t('register.consentDecision'),
      value: '',
      options: [
        { value: '', label: t('register.consentLater') },
        { value: 'given', label: t('enum.consent.given') },
        { value: 'refused', label: t('enum.consent.refused') },
      ],
    }),
    h(
      'div',
      { class: 'form-grid' },
      selectField({
        name: `${at}.consent.method`,
        label: t('register.consentMethod'),
        options: options(CONSENT_METHODS, 'enum.consentMethod'),
        value: 'signed_form',
      }),
      textArea({ name: `${at}.consent.reason`, label: t('register.refusalReason'), rows: 2 }),
    ),
  );

  const root = h(
    'fieldset',
    { class: 'card party-block', 'data-party': String(index) },
    h('legend', null, t('register.partyLegend', { n: index + 1 })),
    h(
      'div',
      { class: 'form-grid' },
      selectField({
        name: `${at}.role`,
        label: t('register.partyRole'),
        required: true,
        options: options(ROLES, 'enum.partyRole'),
        value: role,
      }),
    ),
    kind,
    prompt,
    linkedBox,
    personFields,
    organisationFields,
    consentFields,
  );

  kind.addEventListener('change', () => {
    const isPerson =
      (root.querySelector(`[name="${at}.kind"]:checked`) as HTMLInputElement | null)?.value !==
      'organisation';
    personFields.hidden = !isPerson || linkedPerson !== null;
    organisationFields.hidden = isPerson;
    linkedBox.hidden = !isPerson || linkedPerson === null;
    prompt.hidden = !isPerson;
  });

  // Duplicate-person prompt
  let timer: number | undefined;
  let asked = '';
  function checkDuplicates(): void {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void askForMatches(), 350);
  }
  async function askForMatches(): Promise<void> {
    if (linkedPerson) return;
    const probe: Record<string, unknown> = {};
    const nameOriginal = value(`${at}.person.nameOriginal`);
    const nameLatin = value(`${at}.person.nameLatin`);
    const nameZh = value(`${at}.person.nameZh`);
    const nationalityCode = value(`${at}.person.nationality`);
    const idType = value(`${at}.person.identityDocument.type`);
    const idNumber = value(`${at}.person.identityDocument.number`);
    const phone = value(`${at}.person.phone`);
    if (nameOriginal) probe.nameOriginal = nameOriginal;
    if (nameLatin) probe.nameLatin = nameLatin;
    if (nameZh) probe.nameZh = nameZh;
    if (nationalityCode) probe.nationality = nationalityCode;
    if (idType && idNumber) probe.identityDocument = { type: idType, number: idNumber };
    if (phone && /^\+\d{6,15}$/.test(phone)) probe.phone = phone;
    const hasName = nameOriginal || nameLatin || nameZh;
    if (!(hasName && nationalityCode) && !probe.identityDocument && !probe.phone)
      return replace(prompt);
    const key = JSON.stringify(probe);
    if (key === asked) return;
    asked = key;
    let matches: PersonMatch[];
    try {
      matches = await api.post<PersonMatch[]>('/persons/matches', probe);
    } catch {
      return; // an incomplete entry (e.g. a half-typed ID number) is not worth an error here
    }
    if (asked !== key) return;
    showPrompt(matches.filter((m) => !dismissed.has(m.personId)));
  }

  function showPrompt(matches: PersonMatch[]): void {
    if (matches.length === 0) return replace(prompt);
    replace(
      prompt,
      h(
        'div',
        { class: 'duplicate-prompt', role: 'alert' },
        h('h3', null, t('register.duplicateTitle')),
        h('p', null, t('register.duplicateIntro')),
        h(
          'ul',
          { class: 'matches' },
          matches.map((m) =>
            h(
              'li',
              { 'data-person': m.personId },
              h('strong', null, m.nameOriginal),
              m.nameLatin && m.nameLatin !== m.nameOriginal ? ` (${m.nameLatin})` : '',
              ` · ${nameOf(refs.countries, m.nationality)}`,
              m.birthYear ? ` · ${t('register.born', { year: m.birthYear })}` : '',
              m.identityDocument
                ? ` · ${t(`enum.idType.${m.identityDocument.type}`)} ${m.identityDocument.number}`
                : '',
              ` · ${t('register.casesOnFile', { n: m.cases })}`,
              h('br'),
              h(
                'span',
                { class: 'hint' },
                t('register.matchedOn', {
                  what: m.matchedOn.map((w) => t(`enum.matchedOn.${w}`)).join(', '),
                }),
              ),
              h(
                'div',
                { class: 'button-row' },
                h(
                  'button',
                  { type: 'button', class: 'button-primary', onClick: () => link(m) },
                  t('register.useExisting'),
                ),
                h(
                  'button',
                  {
                    type: 'button',
                    onClick: () => {
                      dismissed.add(m.personId);
                      showPrompt(matches.filter((x) => !dismissed.has(x.personId)));
                    },
                  },
                  t('register.notThisPerson'),
                ),
              ),
            ),
          ),
        ),
      ),
    );
  }

  function link(match: PersonMatch): void {
    linkedPerson = match;
    replace(prompt);
    personFields.hidden = true;
    linkedBox.hidden = false;
    replace(
      linkedBox,
      h(
        'div',
        { class: 'alert alert-info', role: 'status' },
        h('p', null, t('register.linked', { name: match.nameOriginal, n: match.cases })),
        h(
          'button',
          {
            type: 'button',
            class: 'button-quiet',
            onClick: () => {
              linkedPerson = null;
              linkedBox.hidden = true;
              personFields.hidden = false;
              dismissed.add(match.personId);
              field<HTMLInputElement>(root, `${at}.person.nameOriginal`)?.focus();
            },
          },
          t('register.unlink'),
        ),
      ),
    );
    linkedBox.querySelector('button')?.focus();
  }

  for (const name of [
    'nameOriginal',
    'nameLatin',
    'nameZh',
    'identityDocument.number',
    'identityDocument.type',
    'phone',
  ]) {
    field<HTMLInputElement>(personFields, `${at}.person.${name}`)?.addEventListener(
      'change',
      checkDuplicates,
    );
    field<HTMLInputElement>(personFields, `${at}.person.${name}`)?.addEventListener(
      'blur',
      checkDuplicates,
    );
  }

  function collectPerson(): Record<string, unknown> {
    const person: Record<string, unknown> = {
      nameOriginal: value(`${at}.person.nameOriginal`) ?? '',
      sex: value(`${at}.person.sex`) ?? '',
      nationality: value(`${at}.person.nationality`) ?? '',
      preferredLanguages: [
        value(`${at}.person.preferredLanguages`),
        value(`${at}.person.secondLanguage`),
      ].filter((l, i, all): l is string => !!l && all.indexOf(l) === i),
    };
    for (const name of ['nameLatin', 'nameZh', 'phone', 'occupation', 'address']) {
      const v = value(`${at}.person.${name}`);
      if (v) person[name] = v;
    }
    const year = value(`${at}.person.birthYear`);
    if (year) person.birthYear = Number(year);
    if (person.nationality === 'CN') {
      const region = value(`${at}.person.homeRegionCode`);
      if (region) person.homeRegionCode = region;
      const chosen = [
        ...root.querySelectorAll<HTMLInputElement>(`[name="${at}.person.dialects"]:checked`),
      ].map((c) => c.value);
      if (chosen.length) person.dialects = chosen;
    }
    const idType = value(`${at}.person.identityDocument.type`);
    const idNumber = value(`${at}.person.identityDocument.number`);
    if (idType || idNumber) {
      person.identityDocument = { type: idType ?? '', number: idNumber ?? '' };
      if (idType === 'passport' && person.nationality)
        (person.identityDocument as Record<string, unknown>).country = person.nationality;
    }
    if (field<HTMLInputElement>(root, `${at}.person.needsInterpreter`)?.checked)
      person.needsInterpreter = true;
    return person;
  }

  function collectOrganisation(): Record<string, unknown> {
    const organisation: Record<string, unknown> = {
      nameOriginal: value(`${at}.organisation.nameOriginal`) ?? '',
      country: value(`${at}.organisation.country`) ?? '',
    };
    for (const name of ['creditCode', 'legalRepresentative', 'address']) {
      const v = value(`${at}.organisation.${name}`);
      if (v) organisation[name] = v;
    }
    return organisation;
  }

  return {
    root,
    collect() {
      const party: Record<string, unknown> = { role: value(`${at}.role`) };
      const isPerson =
        (root.querySelector(`[name="${at}.kind"]:checked`) as HTMLInputElement | null)?.value !==
        'organisation';
      if (!isPerson) party.organisation = collectOrganisation();
      else if (linkedPerson) party.personId = linkedPerson.personId;
      else party.person = collectPerson();
      const decision = (
        root.querySelector(`[name="${at}.consent.decision"]:checked`) as HTMLInputElement | null
      )?.value;
      if (decision) {
        const consent: Record<string, unknown> = {
          decision,
          method: value(`${at}.consent.method`),
        };
        const reason = value(`${at}.consent.reason`);
        if (reason) consent.reason = reason;
        party.consent = consent;
      }
      return party;
    },
  };
}
