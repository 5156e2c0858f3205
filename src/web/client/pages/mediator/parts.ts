/** Pieces the mediator's pages share: their strings, labelled fields, errors, names and times. */
import './mediator.css';
import { ApiError } from '../../ui/api';
import { Child, h, uid } from '../../ui/dom';
import { showErrors } from '../../ui/forms';
import { has, language, t } from '../../ui/i18n';
import { pageHeader, stateBadge } from '../../ui/layout';
import type { CaseDetail, CaseParty, PanelMember } from './mediator-api';

/** A string of the web-mediator namespace. */
export const tm = (key: string, params: Record<string, string | number> = {}) =>
  t(`web-mediator:${key}`, params);

/** A server enumeration value (a state, a role) in the interface language, else as it is. */
export const enumLabel = (key: string, fallback: string) => (has(key) ? t(key) : fallback);

export const stateLabel = (state: string) => enumLabel(`cases:state.${state}`, state);

export const roleLabel = (role: string) => enumLabel(`mediators:partyRole.${role}`, role);

export function languageName(tag: string): string {
  try {
    // "Chinese", not "Chinese (China)": the documents are in Simplified Chinese, named as such.
    const shown = tag === 'zh-CN' ? 'zh' : tag;
    return new Intl.DisplayNames([language()], { type: 'language' }).of(shown) ?? tag;
  } catch {
    return tag;
  }
}

/** Languages named and joined as the interface language joins a list ("Chinese and Arabic"). */
export function languageList(tags: string[]): string {
  const names = [...new Set(tags)].map(languageName);
  return new Intl.ListFormat(language(), { type: 'conjunction' }).format(names);
}

export const SUPPORTED = [
  'zh-CN',
  'en',
  'ar',
  'fa',
  'ur',
  'hi',
  'ru',
  'fr',
  'es',
  'pt',
  'ko',
  'tr',
];
const RTL = ['ar', 'fa', 'ur'];
export const dirOf = (tag: string) => (RTL.includes(tag.split('-')[0]) ? 'rtl' : 'ltr');

/** Text kept in its own direction inside any paragraph (U+2068 FIRST STRONG ISOLATE … U+2069). */
export const isolate = (text: string) => `\u2068${text}\u2069`;

/** A case number such as （2026）义金外调字第0006号, whose brackets must not flip in Arabic. */
export const caseNo = (caseNumber: string) => isolate(caseNumber);

/**
 * A name as written with its Latin form in brackets, for readers of other scripts. The written
 * name is isolated (U+2068 … U+2069), so an Arabic name keeps its own direction in either layout.
 */
export function nameWithLatin(name: string, latin: string | null | undefined): string {
  return latin && latin !== name ? `${isolate(name)} (${isolate(latin)})` : isolate(name);
}

export function partyName(party: CaseParty): string {
  return nameWithLatin(party.displayName, party.person?.nameLatin ?? party.organisation?.nameLatin);
}

export function memberName(member: PanelMember): string {
  return nameWithLatin(member.name, member.nameLatin);
}

/** Date and time of an instant as wall time in the session's zone, in the interface language. */
export function formatWhen(instant: string, timeZone: string, withDate = true): string {
  // Isolated: "2:00 PM" inside an Urdu sentence would otherwise be split around the digits.
  return isolateWhen(instant, timeZone, withDate);
}

function isolateWhen(instant: string, timeZone: string, withDate: boolean): string {
  return isolate(formatInstant(instant, timeZone, withDate));
}

function formatInstant(instant: string, timeZone: string, withDate: boolean): string {
  return new Intl.DateTimeFormat(language(), {
    timeZone,
    ...(withDate ? { dateStyle: 'medium' as const } : {}),
    timeStyle: 'short',
  }).format(new Date(instant));
}

export function formatRange(startsAt: string, endsAt: string, timeZone: string): string {
  return isolate(
    `${formatInstant(startsAt, timeZone, true)} – ${formatInstant(endsAt, timeZone, false)}`,
  );
}

export function formatWeekday(date: string): string {
  return new Intl.DateTimeFormat(language(), {
    timeZone: 'UTC',
    weekday: 'short',
    month: 'short',
    day: 'numeric',
  }).format(new Date(`${date}T00:00:00Z`));
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * A labelled control in the shell's field markup (`.field[data-field]`, `.field-error`), so the
 * shell's showErrors() puts a server detail for `name` beside it.
 */
export function field(
  label: string,
  control: Control,
  hint?: string,
  name?: string,
): HTMLDivElement {
  if (!control.id) control.id = uid('m');
  const describedBy = [hint ? `${control.id}-hint` : '', `${control.id}-error`].filter(Boolean);
  control.setAttribute('aria-describedby', describedBy.join(' '));
  return h(
    'div',
    { class: 'field', 'data-field': name ?? null },
    h('label', { for: control.id }, label),
    control,
    hint ? h('p', { class: 'hint', id: `${control.id}-hint` }, hint) : null,
    h('p', { class: 'field-error', id: `${control.id}-error`, hidden: true }),
  );
}

/** A checkbox with its label after it. */
export function check(label: Child, attrs: Record<string, unknown>): HTMLElement {
  const id = uid('c');
  return h(
    'div',
    { class: 'm-check' },
    h('input', { type: 'checkbox', id, ...attrs }),
    h('label', { for: id }, label),
  );
}

export function options(values: { value: string; label: string }[], selected?: string) {
  return values.map((o) =>
    h('option', { value: o.value, selected: o.value === selected }, o.label),
  );
}

/** The message of a failed call with each detail the server named, as an alert. */
export function errorBox(
  error: unknown,
  tone: 'error' | 'warn' = 'error',
  title?: string,
): HTMLElement {
  const failure = error instanceof ApiError ? error : null;
  const message =
    failure?.status === 0
      ? t('shell.networkError')
      : failure?.message || t('shell.unexpectedError');
  const details = failure?.details.filter((d) => d.message && d.message !== message) ?? [];
  return h(
    'div',
    {
      class: `alert alert-${tone}`,
      role: 'alert',
      tabindex: '-1',
      'data-code': failure?.code ?? null,
    },
    title ? h('h2', null, title) : null,
    h('p', null, message),
    details.length
      ? h(
          'ul',
          null,
          details.map((d) => h('li', null, d.message)),
        )
      : null,
  );
}

/** Runs an action from a button: disables it meanwhile and shows a failure in `slot`. */
export async function act(
  button: HTMLButtonElement,
  slot: HTMLElement,
  action: () => Promise<void>,
) {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  slot.replaceChildren();
  try {
    await action();
  } catch (error) {
    const box = errorBox(error);
    slot.replaceChildren(box);
    box.focus();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

/** A card section with its heading. */
export function card(id: string, title: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id }, title), children);
}

/** A table with header cells and a caption, scrollable at tablet width. */
export function table(
  caption: string,
  headers: string[],
  rows: Node[],
  attrs: Record<string, unknown> = {},
) {
  return h(
    'div',
    { class: 'table-wrap', role: 'region', 'aria-label': caption, tabindex: '0' },
    h(
      'table',
      attrs,
      h('caption', { class: 'visually-hidden' }, caption),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          headers.map((x) => h('th', { scope: 'col' }, x)),
        ),
      ),
      h('tbody', null, rows),
    ),
  );
}

/** The case's number, state and parties above each page about it, with the way back. */
export function caseHeader(found: CaseDetail, title: string): HTMLElement {
  return h(
    'div',
    { class: 'm-case-header' },
    h(
      'nav',
      { class: 'm-crumbs', 'aria-label': tm('common.breadcrumbs') },
      h('a', { href: '/mediator' }, tm('cases.title')),
      h('span', { 'aria-hidden': 'true' }, ' › '),
      h('a', { href: `/mediator/cases/${found.id}` }, caseNo(found.caseNumber)),
    ),
    pageHeader(title),
    h(
      'p',
      { class: 'm-case-line' },
      stateBadge(found.state),
      ' ',
      found.parties.map((p, i) => [
        i ? ' · ' : '',
        h('span', null, `${roleLabel(p.role)}: `, partyName(p)),
      ]),
    ),
  );
}

/**
 * A refused submission: each field the server named marked beside it, and the whole message in
 * `summary`, focused so a screen reader reads it out.
 */
export function showFailure(
  form: HTMLElement,
  summary: HTMLElement,
  error: unknown,
  box = errorBox(error),
): void {
  showErrors(form, error);
  summary.replaceChildren(box);
  box.focus();
}
