import { MultilingualText, textIn } from '../common/multilingual-text/multilingual-text';
import { matchLanguage, SupportedLanguage } from '../i18n/languages';
import { Translate } from './agreement-pdf';
import { DocBlock, eachLanguage, TextLine } from './bilingual-document';
import {
  colon,
  docText,
  formatInstantDate,
  languageLabel,
  listSeparator,
  parenthesised,
  wallTime,
} from './document-text';

export interface RecordEntryLine {
  ordinal: number;
  speaker: { kind: string; name: string };
  text: MultilingualText;
  /** File names of the attachments shown at this point. */
  shown: string[];
  correctsOrdinal: number | null;
}

/** What the session record (调解笔录) shows; names already resolved by the caller. */
export interface SessionRecordDocument {
  committee: { nameZh: string; nameEn: string };
  caseNumber: string;
  session: {
    number: number;
    startsAt: Date;
    endsAt: Date;
    timeZone: string;
    place: string;
    publicity: 'public' | 'private';
    /** BCP 47 tags of the languages spoken. */
    languages: string[];
  };
  mediators: string[];
  interpreters: string[];
  invited: string[];
  /** Everyone expected, with their role word and whether they came; null before it was taken. */
  attendance:
    | { name: (l: SupportedLanguage) => string; kind: string; present: boolean; note?: string }[]
    | null;
  entries: RecordEntryLine[];
  outcome: string | null;
  signatures: { name: string; kind: string; method: string; signedAt: Date }[];
  /** Boxes for signing the paper copy: each party and each mediator present. */
  signers: { name: (l: SupportedLanguage) => string; kind: string }[];
  languages: SupportedLanguage[];
}

/**
 * One entry: who spoke, what was said in the language spoken, then its translation into each
 * language of the document (or a note that the record has none).
 */
export function entryLines(
  entry: RecordEntryLine,
  languages: SupportedLanguage[],
  t: Translate,
): TextLine[] {
  const text = docText(t);
  const spoken = entry.text.original;
  const spokenAs = matchLanguage(spoken.language);
  const labelLanguage = spokenAs ?? languages[0];
  const lines: TextLine[] = [
    {
      text: `${text('record.spoken', { language: languageLabel(spoken.language, labelLanguage) }, labelLanguage)}${colon(labelLanguage)}`,
      language: labelLanguage,
      small: true,
    },
    { text: spoken.text, language: spoken.language },
  ];
  for (const language of languages) {
    if (spokenAs === language) continue;
    const found = textIn(entry.text, language);
    const label = text(
      'record.translation',
      { language: languageLabel(language, language) },
      language,
    );
    lines.push(
      found && !found.isOriginal
        ? { text: `${label}${colon(language)}${found.text}`, language }
        : {
            text: text(
              'record.noTranslation',
              { language: languageLabel(language, language) },
              language,
            ),
            language,
            small: true,
          },
    );
  }
  return lines;
}

export function sessionRecordBlocks(record: SessionRecordDocument, t: Translate): DocBlock[] {
  const text = docText(t);
  const { languages, session } = record;
  const each = (fn: (l: SupportedLanguage) => string) => eachLanguage(languages, fn);
  const body = (fn: (l: SupportedLanguage) => string): DocBlock => ({
    kind: 'body',
    texts: each(fn),
  });
  const heading = (key: string): DocBlock => ({
    kind: 'heading',
    texts: each((l) => text(key, {}, l)),
  });
  const kind = (k: string, l: SupportedLanguage) => text(`record.speaker.${k}`, {}, l);
  const names = (list: string[], l: SupportedLanguage) => list.join(listSeparator(l));
  const when = (instant: Date, l: SupportedLanguage) =>
    `${formatInstantDate(instant, l, session.timeZone)} ${wallTime(instant, session.timeZone)}`;

  const blocks: DocBlock[] = [
    { kind: 'title', texts: each((l) => text('record.title', {}, l)) },
    body(
      (l) =>
        `${l === 'zh-CN' ? record.committee.nameZh : record.committee.nameEn}  ·  ${text('agreement.caseNumber', { number: record.caseNumber }, l)}  ·  ${text('record.session', { number: session.number }, l)}`,
    ),
    body((l) =>
      text(
        'record.time',
        {
          from: when(session.startsAt, l),
          to: wallTime(session.endsAt, session.timeZone),
          zone: session.timeZone,
        },
        l,
      ),
    ),
    body(
      (l) =>
        `${text('record.place', { place: session.place }, l)}${listSeparator(l)}${text(`record.${session.publicity}`, {}, l)}`,
    ),
    body((l) =>
      text(
        'record.languages',
        { languages: session.languages.map((tag) => languageLabel(tag, l)).join(listSeparator(l)) },
        l,
      ),
    ),
    body((l) => text('record.mediators', { names: names(record.mediators, l) }, l)),
  ];
  if (record.interpreters.length)
    blocks.push(
      body((l) => text('record.interpreters', { names: names(record.interpreters, l) }, l)),
    );
  if (record.invited.length)
    blocks.push(body((l) => text('record.invited', { names: names(record.invited, l) }, l)));

  blocks.push(heading('record.attendance'));
  if (record.attendance)
    for (const mark of record.attendance)
      blocks.push(
        body(
          (l) =>
            `${mark.name(l)}${parenthesised(kind(mark.kind, l), l)}${colon(l)}${text(mark.present ? 'record.present' : 'record.absent', {}, l)}${mark.note ? parenthesised(mark.note, l) : ''}`,
        ),
      );
  else blocks.push(body((l) => text('record.none', {}, l)));

  blocks.push(heading('record.entries'));
  for (const entry of record.entries) {
    blocks.push(
      body(
        (l) =>
          `${text('record.speakerLine', { ordinal: entry.ordinal, name: entry.speaker.name, kind: kind(entry.speaker.kind, l) }, l)}${entry.correctsOrdinal ? ` ${text('record.corrects', { ordinal: entry.correctsOrdinal }, l)}` : ''}`,
      ),
      { kind: 'lines', lines: entryLines(entry, languages, t), indent: 14 },
    );
    if (entry.shown.length)
      blocks.push(body((l) => text('record.shown', { files: names(entry.shown, l) }, l)));
  }

  const shown = [...new Set(record.entries.flatMap((e) => e.shown))];
  blocks.push(heading('record.documents'));
  blocks.push(body((l) => (shown.length ? names(shown, l) : text('record.none', {}, l))));
  if (record.outcome)
    blocks.push(
      body((l) =>
        text('record.outcome', { outcome: text(`record.outcomes.${record.outcome}`, {}, l) }, l),
      ),
    );

  blocks.push(heading('record.signatures'));
  if (record.signatures.length)
    for (const s of record.signatures)
      blocks.push(
        body((l) =>
          text(
            'record.signed',
            {
              name: s.name,
              kind: kind(s.kind, l),
              method: text(`record.method.${s.method}`, {}, l),
              date: formatInstantDate(s.signedAt, l, session.timeZone),
            },
            l,
          ),
        ),
      );
  else blocks.push(body((l) => text('record.unsigned', {}, l)));
  blocks.push({
    kind: 'signatures',
    boxes: record.signers.map((signer) =>
      languages.flatMap((l) => [
        { text: `${kind(signer.kind, l)}${colon(l)}${signer.name(l)}`, language: l },
        { text: text('agreement.signDate', {}, l), language: l, small: true },
      ]),
    ),
  });
  return blocks;
}
