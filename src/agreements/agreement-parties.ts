import { CaseParty } from '../cases/case-party.entity';
import { SUPPORTED_LANGUAGES, SupportedLanguage } from '../i18n/languages';

/** A party as the agreement states it, frozen when the version is issued. */
export interface PartySnapshot {
  id: string;
  role: string;
  position: number;
  kind: 'person' | 'organisation';
  nameOriginal: string;
  nameLatin: string | null;
  nameZh: string | null;
  nationality: string | null;
  creditCode: string | null;
  legalRepresentative: string | null;
  /** The language of this party's copy besides Chinese. */
  language: SupportedLanguage;
}

/** The party's first preferred language that we print documents in; organisations in China read Chinese. */
export function documentLanguageOf(party: CaseParty): SupportedLanguage {
  const preferred =
    party.person?.preferredLanguages ?? (party.organisation?.country === 'CN' ? ['zh-CN'] : ['en']);
  for (const tag of preferred) {
    const primary = tag.split('-')[0].toLowerCase();
    const match = SUPPORTED_LANGUAGES.find((l) => l.split('-')[0].toLowerCase() === primary);
    if (match) return match;
  }
  return 'en';
}

export function snapshotParties(
  parties: CaseParty[],
  overrides: Record<string, SupportedLanguage>,
): PartySnapshot[] {
  return [...parties]
    .sort((a, b) => a.position - b.position)
    .map((party) => ({
      id: party.id,
      role: party.role,
      position: party.position,
      kind: party.person ? 'person' : 'organisation',
      nameOriginal: party.person?.nameOriginal ?? party.organisation?.nameOriginal ?? '',
      nameLatin: party.person?.nameLatin ?? party.organisation?.nameLatin ?? null,
      nameZh: party.person?.nameZh ?? party.organisation?.nameZh ?? null,
      nationality: party.person?.nationality ?? party.organisation?.country ?? null,
      creditCode: party.organisation?.creditCode ?? null,
      legalRepresentative: party.organisation?.legalRepresentative ?? null,
      language: overrides[party.id] ?? documentLanguageOf(party),
    }));
}

/**
 * The name to print for a party in a language: its Chinese name in Chinese text (or the original
 * when it has none), the original script in the party's own language, else the Latin form.
 */
export function partyNameIn(party: PartySnapshot, language: SupportedLanguage): string {
  if (language === 'zh-CN') return party.nameZh ?? party.nameOriginal;
  if (language === party.language) return party.nameOriginal;
  return party.nameLatin ?? party.nameOriginal;
}

/** Resolves a clause's party reference: a party id, or role:n (applicant:1 is the first applicant). */
export function findParty(parties: PartySnapshot[], ref: string): PartySnapshot | undefined {
  const byId = parties.find((p) => p.id === ref);
  if (byId) return byId;
  const [role, index] = ref.split(':');
  return parties.filter((p) => p.role === role)[Number(index) - 1];
}
