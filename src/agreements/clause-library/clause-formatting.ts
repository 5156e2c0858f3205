/**
 * Numbers, money and dates as they are printed in a clause.
 *
 * Digits: always Latin (numberingSystem 'latn'), in every language including ar, fa, ur and hi.
 * The agreements are signed in China and may go to a Chinese basic court for judicial
 * confirmation (Art. 33); the Chinese text prevails, and the same digits in every copy let a clerk
 * compare the copies figure by figure. Arabic-Indic and Devanagari digits are also what text
 * extraction and OCR most often get wrong. Grouping and decimal separators do follow the locale
 * (ru "50 000,00", fr "50 000,00" with a narrow no-break space, es/pt/tr "50.000,00", hi lakh
 * grouping "12,34,567.50"), as a reader of that language expects.
 *
 * Dates: the Gregorian calendar in every language (the fa locale would otherwise default to the
 * Solar Hijri calendar), long month names so day and month cannot be swapped, en in the
 * day-month-year order of international contracts ("1 March 2026").
 *
 * Amounts are formatted from their decimal string (Intl.NumberFormat accepts exact decimal
 * strings), after a round trip through bigint minor units: no floating point anywhere.
 */
import { fromMinorUnits, minorDigits, toMinorUnits } from '../../common/money/money';
import { SupportedLanguage } from '../../i18n/languages';
import { Instalment, Money } from './clause-types';

// Intl adds direction marks around some RTL output; the PDF engine runs its own bidi algorithm and
// the domain refuses invisible direction characters in documents, so they are removed.
const DIRECTION_MARKS = /[\u200E\u200F\u061C]/g;

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(language: SupportedLanguage, digits: number): Intl.NumberFormat {
  const key = `${language}:${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, {
      numberingSystem: 'latn',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      useGrouping: true,
    });
    numberFormats.set(key, format);
  }
  return format;
}

/** The amount's number as that language writes it, with exactly the currency's decimals. */
export function formatAmountNumber(money: Money, language: SupportedLanguage): string {
  const canonical = fromMinorUnits(toMinorUnits(money.amount, money.currency), money.currency);
  return numberFormat(language, minorDigits(money.currency))
    .format(canonical as `${number}`)
    .replace(DIRECTION_MARKS, '');
}

const DATE_LOCALE: Partial<Record<SupportedLanguage, string>> = { en: 'en-GB' };

function dateFormat(language: SupportedLanguage): Intl.DateTimeFormat {
  let format = dateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(DATE_LOCALE[language] ?? language, {
      dateStyle: 'long',
      timeZone: 'UTC',
      calendar: 'gregory',
      numberingSystem: 'latn',
    });
    dateFormats.set(language, format);
  }
  return format;
}

/** "2026-03-01" → "2026年3月1日", "1 March 2026", "1 مارس 2026", "1er mars 2026", "1º de março de 2026". */
export function formatClauseDate(isoDate: string, language: SupportedLanguage): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const text = dateFormat(language)
    .format(new Date(Date.UTC(year, month - 1, day)))
    .replace(DIRECTION_MARKS, '');
  // French and Portuguese legal writing use the ordinal for the first day of a month.
  if (day === 1 && language === 'fr') return text.replace(/^1 /, '1er ');
  if (day === 1 && language === 'pt') return text.replace(/^1 /, '1º ');
  return text;
}

const currencyNames = new Map<SupportedLanguage, Intl.DisplayNames>();

/** The currency's name in the language (CNY → 人民币, يوان صيني, चीनी युआन), or its code. */
export function currencyName(currency: string, language: SupportedLanguage): string {
  let names = currencyNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: 'currency', fallback: 'code' });
    currencyNames.set(language, names);
  }
  return names.of(currency) ?? currency;
}

/** The sum of the instalments, exact, in their (single, validated) currency. */
export function instalmentTotal(instalments: readonly Instalment[]): Money {
  const currency = instalments[0].amount.currency;
  const sum = instalments.reduce((acc, i) => acc + toMinorUnits(i.amount.amount, currency), 0n);
  return { amount: fromMinorUnits(sum, currency), currency };
}

const CN_DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const CN_UNITS = ['', '拾', '佰', '仟'];
const CN_SECTIONS = ['', '万', '亿', '万亿'];

function cnSection(section: number): string {
  let out = '';
  let zero = false;
  for (let position = 3; position >= 0; position--) {
    const digit = Math.floor(section / 10 ** position) % 10;
    if (digit === 0) {
      if (out) zero = true;
    } else {
      if (zero) out += '零';
      zero = false;
      out += CN_DIGITS[digit] + CN_UNITS[position];
    }
  }
  return out;
}

/**
 * The amount in Chinese capital numerals (大写), as Chinese agreements and receipts repeat it to
 * prevent alteration: "50000.00" → "伍万元整", "100050.05" → "壹拾万零伍拾元零伍分". Follows the
 * People's Bank of China rules for writing amounts (整 after 元 and 角, 零 for inner zeros, 壹拾).
 * Only for currencies with two minor digits (元/角/分).
 */
export function chineseCapitalAmount(amount: string, currency: string): string {
  const minor = toMinorUnits(amount, currency);
  const whole = minor / 100n;
  const jiao = Number((minor / 10n) % 10n);
  const fen = Number(minor % 10n);
  let integer = '';
  const sections: number[] = [];
  for (let rest = whole; rest > 0n; rest /= 10000n) sections.unshift(Number(rest % 10000n));
  let pendingZero = false;
  sections.forEach((section, i) => {
    const unit = CN_SECTIONS[sections.length - 1 - i];
    if (section === 0) {
      if (integer) pendingZero = true;
      return;
    }
    if (integer && (pendingZero || section < 1000)) integer += '零';
    integer += cnSection(section) + unit;
    pendingZero = false;
  });
  let out = integer ? `${integer}元` : '';
  if (jiao === 0 && fen === 0) return `${out || '零元'}整`;
  if (jiao === 0) return `${out}${out ? '零' : ''}${CN_DIGITS[fen]}分`;
  out += `${CN_DIGITS[jiao]}角`;
  return fen === 0 ? `${out}整` : `${out}${CN_DIGITS[fen]}分`;
}

/**
 * Korean particles depend on whether the word before ends in a consonant (받침). For Hangul and
 * digits this is known; for a name in Latin letters the legal-text convention "은(는)" is used.
 */
export function josa(word: string, afterConsonant: string, afterVowel: string): string {
  const last = word.trim().slice(-1);
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) {
    return (code - 0xac00) % 28 === 0 ? afterVowel : afterConsonant;
  }
  // Digits read in Sino-Korean: 영 일 이 삼 사 오 육 칠 팔 구.
  const digitEndsInConsonant = [true, true, false, true, false, false, true, true, true, false];
  if (/\d/.test(last)) return digitEndsInConsonant[Number(last)] ? afterConsonant : afterVowel;
  return `${afterConsonant}(${afterVowel})`;
}
