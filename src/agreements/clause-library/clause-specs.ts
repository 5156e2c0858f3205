/**
 * What each clause kind takes. Validation reads these specs, so a parameter the UI is told about
 * is exactly a parameter the validator accepts: the two cannot drift apart.
 */
import { SUPPORTED_LANGUAGES } from '../../i18n/languages';
import {
  APOLOGY_FORMS,
  ClauseKind,
  PAYMENT_METHODS,
  ParameterSpec,
  ParameterType,
} from './clause-types';

const spec = (
  name: string,
  type: ParameterType,
  required: boolean,
  description: string,
): ParameterSpec => {
  const values =
    type === 'paymentMethod'
      ? PAYMENT_METHODS
      : type === 'apologyForm'
        ? APOLOGY_FORMS
        : type === 'languages'
          ? SUPPORTED_LANGUAGES
          : undefined;
  return values
    ? { name, type, required, values, description }
    : { name, type, required, description };
};

const MONEY = 'Decimal string and ISO 4217 currency, e.g. {"amount":"50000.00","currency":"CNY"}.';
const DUE = 'Deadline of performance (inclusive), YYYY-MM-DD.';
const METHOD = 'How the money is paid.';
const GOODS =
  'The goods with quantity, per language ({"zh-CN":"…","ar":"…"}) or language-neutral text.';

export const PARAMETER_SPECS: Record<ClauseKind, readonly ParameterSpec[]> = {
  lump_sum_payment: [
    spec('payer', 'party', true, 'Party who pays.'),
    spec('payee', 'party', true, 'Party who is paid.'),
    spec('amount', 'money', true, MONEY),
    spec('dueDate', 'date', true, DUE),
    spec('method', 'paymentMethod', false, METHOD),
  ],
  instalments: [
    spec('payer', 'party', true, 'Party who pays.'),
    spec('payee', 'party', true, 'Party who is paid.'),
    spec(
      'instalments',
      'instalments',
      true,
      'At least two [{amount: money, dueDate}], due dates strictly ascending, one currency.',
    ),
    spec('total', 'money', false, 'The total; when given, the instalments must add up to it.'),
    spec('method', 'paymentMethod', false, METHOD),
    spec(
      'accelerateOnDefault',
      'boolean',
      false,
      'When true: a missed instalment makes the whole remaining balance due at once.',
    ),
  ],
  delivery_of_goods: [
    spec('supplier', 'party', true, 'Party who delivers.'),
    spec('recipient', 'party', true, 'Party who receives the goods.'),
    spec('goods', 'text', true, GOODS),
    spec('dueDate', 'date', true, DUE),
    spec('place', 'text', false, 'Place of delivery.'),
  ],
  return_of_goods: [
    spec('returner', 'party', true, 'Party who returns the goods.'),
    spec('recipient', 'party', true, 'Party who takes the goods back.'),
    spec('goods', 'text', true, GOODS),
    spec('dueDate', 'date', true, DUE),
    spec('place', 'text', false, 'Place of return.'),
    spec(
      'costsBorneBy',
      'party',
      false,
      'Party who bears transport and other costs of the return.',
    ),
  ],
  refund: [
    spec('payer', 'party', true, 'Party who refunds money it received.'),
    spec('payee', 'party', true, 'Party who is refunded.'),
    spec('amount', 'money', true, MONEY),
    spec('dueDate', 'date', true, DUE),
    spec('method', 'paymentMethod', false, METHOD),
  ],
  deposit_return: [
    spec('landlord', 'party', true, 'Landlord who holds the tenancy deposit.'),
    spec('tenant', 'party', true, 'Tenant who paid it.'),
    spec('amount', 'money', true, 'The deposit to return. ' + MONEY),
    spec('dueDate', 'date', true, DUE),
    spec('method', 'paymentMethod', false, METHOD),
  ],
  wage_arrears: [
    spec('employer', 'party', true, 'Employer who owes the wages.'),
    spec('worker', 'party', true, 'Worker who is owed them.'),
    spec('amount', 'money', true, 'Total unpaid wages. ' + MONEY),
    spec('periodFrom', 'date', true, 'First day of the unpaid period, YYYY-MM-DD.'),
    spec('periodTo', 'date', true, 'Last day of the unpaid period, YYYY-MM-DD.'),
    spec('dueDate', 'date', true, DUE),
    spec('method', 'paymentMethod', false, METHOD),
  ],
  apology: [
    spec('apologiser', 'party', true, 'Party who apologises.'),
    spec('recipient', 'party', true, 'Party apologised to.'),
    spec('form', 'apologyForm', true, 'Oral or written apology.'),
    spec('dueDate', 'date', false, DUE),
  ],
  confidentiality: [],
  waiver_of_claims: [
    spec(
      'uponPerformance',
      'boolean',
      false,
      'Default true: claims are waived once the agreement has been performed in full.',
    ),
  ],
  chinese_text_prevails: [
    spec(
      'languages',
      'languages',
      false,
      "The agreement's languages besides Chinese (recommended: the parties' languages).",
    ),
  ],
};
