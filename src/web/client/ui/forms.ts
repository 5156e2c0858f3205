/**
 * Form fields that are always labelled and can show the server's field errors. Each field is a
 * wrapper `.field[data-field=<name>]` holding <label>, the control, an optional hint and an error
 * line wired with aria-describedby. Give a field the API's field path as its name (e.g.
 * `parties.0.person.nationality`) and showErrors() puts each detail of a 400 next to its field,
 * with the rest in the summary at the top of the form, which receives focus.
 */
import { ApiError } from './api';
import { append, Child, h, uid } from './dom';
import { t } from './i18n';

export interface FieldOptions {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  /** Extra attributes for the control (autocomplete, inputmode, dir, lang, min, max …). */
  attrs?: Record<string, unknown>;
}

export interface Option {
  value: string;
  label: string;
}

function wrap(
  options: FieldOptions,
  id: string,
  control: HTMLElement,
  extra: Child = null,
): HTMLElement {
  const hintId = options.hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  return h(
    'div',
    { class: 'field', 'data-field': options.name },
    h(
      'label',
      { for: id },
      options.label,
      options.required && h('span', { class: 'required', 'aria-hidden': 'true' }, ' *'),
    ),
    control,
    extra,
    options.hint && h('p', { class: 'hint', id: hintId }, options.hint),
    h('p', { class: 'field-error', id: errorId, hidden: true }),
  );
}

export function textField(options: FieldOptions & { value?: string; type?: string }): HTMLElement {
  const id = uid();
  const input = h('input', {
    id,
    name: options.name,
    type: options.type ?? 'text',
    value: options.value ?? '',
    required: options.required,
    ...options.attrs,
  });
  return wrap(options, id, input);
}

export function textArea(options: FieldOptions & { value?: string; rows?: number }): HTMLElement {
  const id = uid();
  const area = h('textarea', {
    id,
    name: options.name,
    rows: String(options.rows ?? 3),
    required: options.required,
    ...options.attrs,
  });
  area.value = options.value ?? '';
  return wrap(options, id, area);
}

export function selectField(
  options: FieldOptions & { options: Option[]; value?: string; placeholder?: string },
): HTMLElement {
  const id = uid();
  const select = h(
    'select',
    { id, name: options.name, required: options.required, ...options.attrs },
    options.placeholder !== undefined && h('option', { value: '' }, options.placeholder),
    options.options.map((o) =>
      h('option', { value: o.value, selected: o.value === options.value }, o.label),
    ),
  );
  return wrap(options, id, select);
}

export function checkboxField(
  options: FieldOptions & { checked?: boolean; value?: string },
): HTMLElement {
  const id = uid();
  const errorId = `${id}-error`;
  return h(
    'div',
    { class: 'field field-check', 'data-field': options.name },
    h('input', {
      id,
      type: 'checkbox',
      name: options.name,
      value: options.value ?? 'true',
      checked: options.checked,
      'aria-describedby': errorId,
      ...options.attrs,
    }),
    h('label', { for: id }, options.label),
    h('p', { class: 'field-error', id: errorId, hidden: true }),
  );
}

/** A set of radio buttons in a <fieldset> with its <legend>. */
export function radioGroup(
  options: FieldOptions & { options: Option[]; value?: string },
): HTMLElement {
  return h(
    'fieldset',
    { class: 'field radio-group', 'data-field': options.name },
    h('legend', null, options.label),
    options.options.map((o) => {
      const id = uid();
      return h(
        'div',
        { class: 'radio' },
        h('input', {
          id,
          type: 'radio',
          name: options.name,
          value: o.value,
          checked: o.value === options.value,
          required: options.required,
        }),
        h('label', { for: id }, o.label),
      );
    }),
    h('p', { class: 'field-error', hidden: true }),
  );
}

export function formSummary(): HTMLElement {
  return h('div', {
    class: 'form-summary alert alert-error',
    role: 'alert',
    tabindex: '-1',
    hidden: true,
  });
}

export function clearErrors(form: HTMLElement): void {
  form.querySelectorAll<HTMLElement>('.field-error').forEach((p) => {
    p.hidden = true;
    p.textContent = '';
  });
  form.querySelectorAll('[aria-invalid]').forEach((c) => c.removeAttribute('aria-invalid'));
  const summary = form.querySelector<HTMLElement>('.form-summary');
  if (summary) {
    summary.hidden = true;
    summary.textContent = '';
  }
}

/** Shows an API error on the form: field details beside their fields, the rest in the summary. */
export function showErrors(form: HTMLElement, error: unknown): void {
  clearErrors(form);
  const summary = form.querySelector<HTMLElement>('.form-summary');
  const loose: string[] = [];
  if (error instanceof ApiError) {
    for (const detail of error.details) {
      const wrapper = detail.field
        ? form.querySelector<HTMLElement>(`[data-field="${CSS.escape(detail.field)}"]`)
        : null;
      const line = wrapper?.querySelector<HTMLElement>('.field-error');
      if (wrapper && line) {
        line.textContent = line.textContent
          ? `${line.textContent} ${detail.message}`
          : detail.message;
        line.hidden = false;
        wrapper
          .querySelectorAll('input, select, textarea')
          .forEach((c) => c.setAttribute('aria-invalid', 'true'));
      } else {
        loose.push(detail.message);
      }
    }
  }
  if (!summary) return;
  const message =
    error instanceof ApiError
      ? error.status === 0
        ? t('shell.networkError')
        : error.message
      : t('shell.unexpectedError');
  append(summary, [
    h('p', null, message),
    loose.length > 0 &&
      h(
        'ul',
        null,
        loose.map((m) => h('li', null, m)),
      ),
  ]);
  summary.hidden = false;
  summary.focus();
}

/** Disables a button while `work` runs, so a double click does not send twice. */
export async function busy<T>(button: HTMLButtonElement, work: () => Promise<T>): Promise<T> {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

/** The trimmed value of a named control, or undefined when empty. */
export function valueOf(form: HTMLFormElement, name: string): string | undefined {
  const control = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
  const value = control?.value?.trim();
  return value ? value : undefined;
}
