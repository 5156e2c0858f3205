/**
 * i18next resolves a key's language chain and scans the template on every call (~25 µs each): too
 * much for a response with a hundred sentences. A template that uses nothing but `{{name}}`
 * placeholders is filled here instead, with the same result as i18next under our options
 * (escapeValue off, skipOnVariables on, no formatter). Anything else - nesting, formats, unescaped
 * or dotted placeholders, plural or context options, a value that is not a string or number or
 * that itself holds `{{` - returns undefined, and the caller asks i18next.
 */
export type PlainTemplate = (params: Record<string, unknown>) => string | undefined;

const PLACEHOLDER = /{{(.+?)}}/g;

/** Option names i18next reads from the parameters of t(): never plain variables. */
const I18NEXT_OPTIONS = new Set([
  'count',
  'context',
  'ordinal',
  'replace',
  'lng',
  'lngs',
  'fallbackLng',
  'ns',
  'keyPrefix',
  'returnObjects',
  'returnDetails',
  'joinArrays',
  'postProcess',
  'interpolation',
  'skipInterpolation',
  'nsSeparator',
  'keySeparator',
  'nest',
  'applyPostProcessor',
  'missingInterpolationHandler',
]);

/** The template as literal pieces around variable names, or null when it needs i18next itself. */
export function compilePlainTemplate(template: string): PlainTemplate | null {
  if (template === '' || template.includes('$t(') || template.includes('{{-')) return null;
  const literals: string[] = [];
  const names: string[] = [];
  const raw: string[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1].trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || I18NEXT_OPTIONS.has(name)) return null;
    literals.push(template.slice(last, match.index));
    names.push(name);
    raw.push(match[0]);
    last = match.index! + match[0].length;
  }
  const tail = template.slice(last);
  if (names.length === 0) return (params) => (plainParams(params) ? template : undefined);
  return (params) => {
    if (!plainParams(params)) return undefined;
    let out = '';
    for (let i = 0; i < names.length; i++) {
      out += literals[i];
      // A variable not passed stays as written, as i18next leaves it with skipOnVariables.
      out += Object.prototype.hasOwnProperty.call(params, names[i])
        ? String(params[names[i]])
        : raw[i];
    }
    return out + tail;
  };
}

function plainParams(params: Record<string, unknown>): boolean {
  for (const name in params) {
    if (I18NEXT_OPTIONS.has(name) || name.startsWith('defaultValue')) return false;
    const value = params[name];
    if (typeof value === 'number') continue;
    // i18next replaces the first occurrence of a placeholder's text, which may lie inside an
    // earlier value: leave such values to it.
    if (typeof value !== 'string' || value.includes('{{')) return false;
  }
  return true;
}
