import { partyNameIn, PartySnapshot } from '../agreements/agreement-parties';
import { formatAmountNumber } from '../agreements/clause-library/clause-library';
import { fromMinorUnits } from '../common/money/money';
import { MultilingualText } from '../common/multilingual-text/multilingual-text';
import { SupportedLanguage } from '../i18n/languages';
import { countryName } from '../reference/countries';
import { Translate } from './agreement-pdf';
import { DocBlock, eachLanguage } from './bilingual-document';
import { docText, formatDate, freeTextLines, listSeparator, parenthesised } from './document-text';
import { findUnrenderableCharacters } from './pdf/script-runs';

/** Which page of the index (0 = its first page) each row falls on, rows kept whole. */
export function paginateIndex(
  rowHeights: number[],
  firstPageCapacity: number,
  pageCapacity: number,
): number[] {
  const pages: number[] = [];
  let page = 0;
  let used = 0;
  for (const height of rowHeights) {
    const capacity = page === 0 ? firstPageCapacity : pageCapacity;
    if (used > 0 && used + height > capacity) {
      page++;
      used = 0;
    }
    pages.push(page);
    used += height;
  }
  return pages;
}

/** Pages the index takes: at least one, even for an empty file. */
export const indexPageCount = (rowPages: number[]): number =>
  rowPages.length ? rowPages[rowPages.length - 1] + 1 : 1;

export type CustodyPeriod = 'long' | 'short';

/**
 * How long the committee keeps the file: a case settled by a written agreement (which can be
 * confirmed and enforced) is kept long-term; other files short-term.
 */
export const custodyPeriodOf = (hasWrittenAgreement: boolean): CustodyPeriod =>
  hasWrittenAgreement ? 'long' : 'short';

/** Attachment file names come from uploads: characters no font shows print as '?'. */
export function printableFileName(name: string): string {
  const missing = new Set(findUnrenderableCharacters(name).map((c) => c.index));
  if (!missing.size) return name;
  let out = '';
  let index = 0;
  for (const ch of name) {
    out += missing.has(index) ? '?' : ch;
    index += ch.length;
  }
  return out;
}

export interface CaseFileCover {
  committee: { nameZh: string; nameEn: string };
  caseNumber: string;
  parties: PartySnapshot[];
  disputeType: string;
  receivedOn: string;
  /** YYYY-MM-DD (China) or null while open. */
  closedOn: string | null;
  state: string;
  mediators: string[];
  custody: CustodyPeriod;
  languages: SupportedLanguage[];
}

export function coverBlocks(cover: CaseFileCover, t: Translate): DocBlock[] {
  const text = docText(t);
  const each = (fn: (l: SupportedLanguage) => string) => eachLanguage(cover.languages, fn);
  const body = (fn: (l: SupportedLanguage) => string): DocBlock => ({
    kind: 'body',
    texts: each(fn),
  });
  return [
    { kind: 'title', texts: each((l) => text('caseFile.coverTitle', {}, l)) },
    body((l) =>
      text(
        'caseFile.committee',
        { name: l === 'zh-CN' ? cover.committee.nameZh : cover.committee.nameEn },
        l,
      ),
    ),
    body((l) => text('agreement.caseNumber', { number: cover.caseNumber }, l)),
    body((l) =>
      text(
        'caseFile.parties',
        {
          names: cover.parties
            .map((p) => `${partyNameIn(p, l)}${parenthesised(text(`role.${p.role}`, {}, l), l)}`)
            .join(listSeparator(l)),
        },
        l,
      ),
    ),
    body((l) =>
      text('caseFile.type', { type: t(`reference:disputeType.${cover.disputeType}`, {}, l) }, l),
    ),
    body((l) => text('caseFile.received', { date: formatDate(cover.receivedOn, l) }, l)),
    body((l) =>
      cover.closedOn
        ? text('caseFile.closed', { date: formatDate(cover.closedOn, l) }, l)
        : text('caseFile.open', {}, l),
    ),
    body((l) => text('caseFile.outcome', { outcome: t(`cases:state.${cover.state}`, {}, l) }, l)),
    body((l) => text('caseFile.mediators', { names: cover.mediators.join(listSeparator(l)) }, l)),
    body((l) =>
      text(
        'caseFile.custody',
        { period: text(`caseFile.custodyPeriod.${cover.custody}`, {}, l) },
        l,
      ),
    ),
  ];
}

export interface Registration {
  caseNumber: string;
  receivedOn: string;
  source: string;
  disputeType: string;
  amount: { minor: bigint; currency: string } | null;
  parties: PartySnapshot[];
  /** What the application form asks of a person (2002 rules), by party id. */
  persons: Record<
    string,
    { sex: string; birthYear: number | null; occupation: string | null; ethnicGroup: string | null }
  >;
  account: MultilingualText;
  requests: MultilingualText;
  languages: SupportedLanguage[];
}

/** The registration record (纠纷受理登记表): what was registered at intake. */
export function registrationBlocks(registration: Registration, t: Translate): DocBlock[] {
  const text = docText(t);
  const each = (fn: (l: SupportedLanguage) => string) => eachLanguage(registration.languages, fn);
  const body = (fn: (l: SupportedLanguage) => string): DocBlock => ({
    kind: 'body',
    texts: each(fn),
  });
  const heading = (key: string): DocBlock => ({
    kind: 'heading',
    texts: each((l) => text(key, {}, l)),
  });
  const { amount } = registration;
  const personLines = (
    person: Registration['persons'][string] | undefined,
    l: SupportedLanguage,
  ): (string | null)[] =>
    person
      ? [
          text('caseFile.sex', { sex: text(`caseFile.sexes.${person.sex}`, {}, l) }, l),
          person.birthYear ? text('caseFile.birthYear', { year: person.birthYear }, l) : null,
          person.ethnicGroup
            ? text('caseFile.ethnicGroup', { group: person.ethnicGroup }, l)
            : null,
          person.occupation
            ? text('caseFile.occupation', { occupation: person.occupation }, l)
            : null,
        ]
      : [];
  return [
    { kind: 'title', texts: each((l) => text('caseFile.registration', {}, l)) },
    body((l) => text('agreement.caseNumber', { number: registration.caseNumber }, l)),
    body((l) => text('caseFile.received', { date: formatDate(registration.receivedOn, l) }, l)),
    body((l) =>
      text(
        'caseFile.source',
        { source: text(`caseFile.sources.${registration.source}`, {}, l) },
        l,
      ),
    ),
    body((l) =>
      text(
        'caseFile.type',
        { type: t(`reference:disputeType.${registration.disputeType}`, {}, l) },
        l,
      ),
    ),
    ...(amount
      ? [
          body((l) =>
            text(
              'caseFile.amount',
              {
                amount: `${formatAmountNumber({ amount: fromMinorUnits(amount.minor, amount.currency), currency: amount.currency }, l)} ${amount.currency}`,
              },
              l,
            ),
          ),
        ]
      : []),
    heading('caseFile.partiesHeading'),
    ...registration.parties.map((party) =>
      body((l) =>
        [
          text(
            'agreement.partyLine',
            { role: text(`role.${party.role}`, {}, l), name: partyNameIn(party, l) },
            l,
          ),
          party.nationality
            ? text('agreement.nationality', { country: countryName(party.nationality, l) }, l)
            : null,
          ...personLines(registration.persons[party.id], l),
          party.creditCode ? text('agreement.creditCode', { code: party.creditCode }, l) : null,
          party.legalRepresentative
            ? text('agreement.legalRepresentative', { name: party.legalRepresentative }, l)
            : null,
        ]
          .filter(Boolean)
          .join(l === 'zh-CN' ? '；' : '; '),
      ),
    ),
    heading('caseFile.account'),
    { kind: 'lines', lines: freeTextLines(registration.account, registration.languages) },
    heading('caseFile.requests'),
    { kind: 'lines', lines: freeTextLines(registration.requests, registration.languages) },
  ];
}

export interface FollowUpEntry {
  visitedOn: string;
  visitedBy: string;
  performance: string;
  satisfaction: { party: PartySnapshot | undefined; level: string }[];
  wentToCourt: boolean;
  notes: MultilingualText | null;
}

/** The follow-up visits (回访记录, Art. 31), oldest first. */
export function followUpBlocks(
  visits: FollowUpEntry[],
  languages: SupportedLanguage[],
  t: Translate,
): DocBlock[] {
  const text = docText(t);
  const each = (fn: (l: SupportedLanguage) => string) => eachLanguage(languages, fn);
  const body = (fn: (l: SupportedLanguage) => string): DocBlock => ({
    kind: 'body',
    texts: each(fn),
  });
  return [
    { kind: 'title', texts: each((l) => text('caseFile.followUp', {}, l)) },
    ...visits.flatMap((visit): DocBlock[] => [
      {
        kind: 'heading',
        texts: each((l) =>
          text(
            'caseFile.visit',
            { date: formatDate(visit.visitedOn, l), name: visit.visitedBy },
            l,
          ),
        ),
      },
      body((l) =>
        text(
          'caseFile.performance',
          { result: text(`caseFile.performanceResult.${visit.performance}`, {}, l) },
          l,
        ),
      ),
      ...visit.satisfaction.map((s) =>
        body((l) =>
          text(
            'caseFile.satisfaction',
            {
              name: s.party ? partyNameIn(s.party, l) : '?',
              level: text(`caseFile.satisfactionLevel.${s.level}`, {}, l),
            },
            l,
          ),
        ),
      ),
      body((l) => text(visit.wentToCourt ? 'caseFile.court.yes' : 'caseFile.court.no', {}, l)),
      ...(visit.notes
        ? [{ kind: 'lines' as const, lines: freeTextLines(visit.notes, languages) }]
        : []),
    ]),
  ];
}

export interface AttachmentEntry {
  filename: string;
  kind: string;
  uploadedOn: string;
  sizeBytes: number;
  sha256: string;
}

/** The list of attachments on file, each with its SHA-256 so the paper proves the bytes. */
export function attachmentListBlocks(
  attachments: AttachmentEntry[],
  languages: SupportedLanguage[],
  t: Translate,
): DocBlock[] {
  const text = docText(t);
  const each = (fn: (l: SupportedLanguage) => string) => eachLanguage(languages, fn);
  return [
    { kind: 'title', texts: each((l) => text('caseFile.attachments', {}, l)) },
    ...(attachments.length
      ? attachments.map(
          (a, i): DocBlock => ({
            kind: 'body',
            texts: each((l) =>
              text(
                'caseFile.attachmentLine',
                {
                  index: i + 1,
                  filename: printableFileName(a.filename),
                  kind: text(`caseFile.attachmentKind.${a.kind}`, {}, l),
                  date: formatDate(a.uploadedOn, l),
                  size: Math.max(1, Math.ceil(a.sizeBytes / 1024)),
                  hash: a.sha256,
                },
                l,
              ),
            ),
          }),
        )
      : [{ kind: 'body' as const, texts: each((l) => text('caseFile.noAttachments', {}, l)) }]),
  ];
}
