import { partyNameIn, PartySnapshot } from '../agreements/agreement-parties';
import { CONFIRMATION_WINDOW_DAYS } from '../agreements/agreement-content';
import { SupportedLanguage } from '../i18n/languages';
import { countryName } from '../reference/countries';
import { divisionName } from '../reference/administrative-divisions';
import { localDate } from '../sessions/session-time';
import { Translate } from './agreement-pdf';
import { DocBlock, eachLanguage } from './bilingual-document';
import { DOCUMENT_TIME_ZONE, docText, formatDate } from './document-text';

/**
 * The last day to file (Art. 33: within 30 days of the agreement taking effect). Periods count
 * from the day after the event, so the last day is the China date of taking effect plus 30 days;
 * a last day on a Saturday or Sunday moves to the Monday (Civil Procedure Law on periods).
 * Public holidays are not known to the system and are not counted.
 */
export function confirmationFilingDeadline(effectiveAt: Date, zone = DOCUMENT_TIME_ZONE): string {
  const [year, month, day] = localDate(effectiveAt, zone).split('-').map(Number);
  const last = new Date(Date.UTC(year, month - 1, day + CONFIRMATION_WINDOW_DAYS));
  const weekday = last.getUTCDay();
  if (weekday === 6) last.setUTCDate(last.getUTCDate() + 2);
  if (weekday === 0) last.setUTCDate(last.getUTCDate() + 1);
  return last.toISOString().slice(0, 10);
}

export interface ConfirmationApplication {
  committee: { nameZh: string; nameEn: string };
  /** The county the committee sits in: its basic people's court hears the application. */
  countyCode: string;
  caseNumber: string;
  version: number;
  verificationCode: string;
  /** YYYY-MM-DD: issued (reached) and in effect. */
  reachedOn: string;
  effectiveAt: Date;
  parties: PartySnapshot[];
  languages: SupportedLanguage[];
}

/** The basic people's court of the committee's county: 义乌市人民法院, People’s Court of Yiwu. */
export function basicCourtName(
  countyCode: string,
  language: SupportedLanguage,
  t: Translate,
): string {
  return t('documents:confirmation.court', { place: divisionName(countyCode, language) }, language);
}

/** The joint application for judicial confirmation (司法确认申请书) as blocks. */
export function confirmationApplicationBlocks(
  application: ConfirmationApplication,
  t: Translate,
): DocBlock[] {
  const text = docText(t);
  const { languages } = application;
  const each = (fn: (l: SupportedLanguage) => string) => eachLanguage(languages, fn);
  const body = (fn: (l: SupportedLanguage) => string): DocBlock => ({
    kind: 'body',
    texts: each(fn),
  });
  const heading = (key: string): DocBlock => ({
    kind: 'heading',
    texts: each((l) => text(key, {}, l)),
  });
  const committeeName = (l: SupportedLanguage) =>
    l === 'zh-CN' ? application.committee.nameZh : application.committee.nameEn;
  const deadline = confirmationFilingDeadline(application.effectiveAt);
  const effectiveOn = localDate(application.effectiveAt, DOCUMENT_TIME_ZONE);
  const partyLine = (party: PartySnapshot) => (l: SupportedLanguage) =>
    [
      text(
        'agreement.partyLine',
        { role: text(`role.${party.role}`, {}, l), name: partyNameIn(party, l) },
        l,
      ),
      party.kind === 'person' && party.nationality
        ? text('agreement.nationality', { country: countryName(party.nationality, l) }, l)
        : null,
      party.creditCode ? text('agreement.creditCode', { code: party.creditCode }, l) : null,
      party.legalRepresentative
        ? text('agreement.legalRepresentative', { name: party.legalRepresentative }, l)
        : null,
    ]
      .filter(Boolean)
      .join(l === 'zh-CN' ? '；' : '; ');
  return [
    { kind: 'title', texts: each((l) => text('confirmation.title', {}, l)) },
    body((l) =>
      text('confirmation.to', { court: basicCourtName(application.countyCode, l, t) }, l),
    ),
    heading('confirmation.applicants'),
    ...application.parties.map((party) => body(partyLine(party))),
    heading('confirmation.request'),
    body((l) =>
      text(
        'confirmation.requestText',
        {
          date: formatDate(application.reachedOn, l),
          committee: committeeName(l),
          number: application.caseNumber,
          version: application.version,
          code: application.verificationCode,
        },
        l,
      ),
    ),
    heading('confirmation.grounds'),
    body((l) => text('confirmation.groundsText', { date: formatDate(effectiveOn, l) }, l)),
    body((l) => text('confirmation.deadline', { date: formatDate(deadline, l) }, l)),
    body((l) => text('confirmation.undertaking', {}, l)),
    body((l) => text('confirmation.enclosures', {}, l)),
    {
      kind: 'signatures',
      boxes: application.parties.map((party) =>
        languages.flatMap((l) => [
          {
            text: text('agreement.signParty', { role: text(`role.${party.role}`, {}, l) }, l),
            language: l,
          },
          { text: partyNameIn(party, l), language: l, small: true },
          { text: text('agreement.signDate', {}, l), language: l, small: true },
        ]),
      ),
    },
  ];
}
