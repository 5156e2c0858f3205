import { createHash, randomInt } from 'crypto';
import { JsonObject } from '../common/json';
import { MultilingualText, textIn } from '../common/multilingual-text/multilingual-text';
import { ErrorDetail } from '../errors/domain-error';
import { SupportedLanguage } from '../i18n/languages';
import { PartySnapshot } from './agreement-parties';
import { clauseTranslationGaps } from './clause-terms';

/** A term of the agreement: a parameterised clause from the clause library, or free text. */
export type AgreementTerm =
  | { kind: 'clause'; clause: string; params: JsonObject }
  | { kind: 'free'; text: MultilingualText };

/** Who signs for the committee's side: the mediators of the panel. */
export interface SigningMediator {
  ref: string;
  name: string;
  mediatorId?: string;
}

/** What Art. 29 asks an agreement to state, besides the parties (taken from the case). */
export interface AgreementContent {
  facts: MultilingualText;
  mattersInDispute: MultilingualText;
  responsibilities: MultilingualText;
  terms: AgreementTerm[];
  performance: { method: MultilingualText; place: MultilingualText; deadline: string };
  copies: number;
  mediators: SigningMediator[];
  /** The parties as the case had them when this version was drafted, with each copy's language. */
  parties: PartySnapshot[];
  /** Extra languages a party asked for (a trilingual copy). */
  extraLanguages: Record<string, SupportedLanguage[]>;
  layout: 'side_by_side' | 'paragraphs';
}

/** The languages every text of the agreement must be available in: Chinese and each party's. */
export function requiredLanguages(content: AgreementContent): SupportedLanguage[] {
  const languages = new Set<SupportedLanguage>(['zh-CN']);
  for (const party of content.parties) languages.add(party.language);
  for (const extra of Object.values(content.extraLanguages)) extra.forEach((l) => languages.add(l));
  return [...languages];
}

function freeTexts(content: AgreementContent): { field: string; text: MultilingualText }[] {
  return [
    { field: 'facts', text: content.facts },
    { field: 'mattersInDispute', text: content.mattersInDispute },
    { field: 'responsibilities', text: content.responsibilities },
    { field: 'performance.method', text: content.performance.method },
    { field: 'performance.place', text: content.performance.place },
    ...content.terms.flatMap((term, i) =>
      term.kind === 'free' ? [{ field: `terms.${i}.text`, text: term.text }] : [],
    ),
  ];
}

/**
 * Issuing is refused until every party's language is covered: clause-library terms are written in
 * all twelve locales; free text needs a person's translation marked as checked in each language.
 */
export function translationGaps(content: AgreementContent): ErrorDetail[] {
  const gaps: ErrorDetail[] = content.terms.flatMap((term, i) =>
    term.kind === 'clause'
      ? clauseTranslationGaps(term.clause, term.params, `terms.${i}`, requiredLanguages(content))
      : [],
  );
  for (const language of requiredLanguages(content)) {
    for (const { field, text } of freeTexts(content)) {
      const found = textIn(text, language);
      if (!found) {
        gaps.push({
          field,
          key: 'agreements:validation.translationMissing',
          params: { field, language },
        });
      } else if (!found.checked) {
        gaps.push({
          field,
          key: 'agreements:validation.translationUnchecked',
          params: { field, language },
        });
      }
    }
  }
  return gaps;
}

/** JSON with sorted keys: the same content always serialises, and so hashes, the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface HashedAgreement {
  caseNumber: string;
  version: number;
  content: AgreementContent;
}

export function contentHashOf(agreement: HashedAgreement): string {
  return createHash('sha256').update(canonicalJson(agreement)).digest('hex');
}

// No 0/O, 1/I/L: the code is read off paper and typed in by hand.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newVerificationCode(length = 10): string {
  return Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** Art. 33: the parties may apply for judicial confirmation within 30 days of the agreement taking effect. */
export const CONFIRMATION_WINDOW_DAYS = 30;

export function confirmationDeadline(effectiveAt: Date): Date {
  return new Date(effectiveAt.getTime() + CONFIRMATION_WINDOW_DAYS * 86_400_000);
}
