/** Sign-in page: username, password and the language switcher (remembered on this device). */
import { ApiError } from '../ui/api';
import { h } from '../ui/dom';
import { busy, formSummary, showErrors, textField } from '../ui/forms';
import { t } from '../ui/i18n';
import { signIn } from '../ui/session';

export function loginPage(onSignedIn: () => void): HTMLElement {
  const submit = h('button', { type: 'submit', class: 'button-primary' }, t('login.submit'));
  const form: HTMLFormElement = h(
    'form',
    {
      class: 'login-form',
      novalidate: true,
      onSubmit: async (event: Event) => {
        event.preventDefault();
        const data = new FormData(form);
        try {
          await busy(submit, () =>
            signIn(String(data.get('username') ?? '').trim(), String(data.get('password') ?? '')),
          );
          onSignedIn();
        } catch (error) {
          showErrors(form, error instanceof ApiError ? error : error);
        }
      },
    },
    formSummary(),
    textField({
      name: 'username',
      label: t('login.username'),
      required: true,
      attrs: { autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false', dir: 'ltr' },
    }),
    textField({
      name: 'password',
      label: t('login.password'),
      type: 'password',
      required: true,
      attrs: { autocomplete: 'current-password', dir: 'ltr' },
    }),
    submit,
  );
  return h(
    'div',
    { class: 'login-page' },
    h(
      'div',
      { class: 'card login-card' },
      h('h1', { tabindex: '-1' }, t('login.title')),
      h('p', { class: 'lead' }, t('login.intro')),
      form,
    ),
  );
}
