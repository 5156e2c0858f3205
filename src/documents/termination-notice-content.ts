import { MultilingualText } from '../common/multilingual-text/multilingual-text';
import { SupportedLanguage } from '../i18n/languages';
import { DisputeType } from '../reference/dispute-types';
import { LEGAL_ROUTES, LegalRoute } from '../sessions/session-outcome-rules';
import { Translate } from './agreement-pdf';
import { DocBlock, eachLanguage } from './bilingual-document';
import { docText, formatDate, freeTextLines, listSeparator } from './document-text';

/** A paragraph of the notice naming one route open to the parties. */
export type RouteParagraph = 'labourArbitration' | 'arbitration' | 'administrative' | 'court';

/**
 * The routes the notice lists, in the order of Art. 26 and only those the record says were
 * explained. Arbitration depends on the dispute: a labour dispute goes to the labour dispute
 * arbitration commission (before any lawsuit); other civil disputes only to an arbitration
 * institution the parties agree on.
 */
export function terminationRoutes(
  disputeType: DisputeType,
  explained: readonly string[],
): RouteParagraph[] {
  return LEGAL_ROUTES.filter((route) => explained.includes(route)).map(
    (route: LegalRoute): RouteParagraph =>
      route === 'arbitration' && disputeType === 'labour' ? 'labourArbitration' : route,
  );
}

export interface TerminationNotice {
  committee: { nameZh: string; nameEn: string };
  caseNumber: string;
  disputeType: DisputeType;
  /** Who the copy is for: one party, or every party on the committee's file copy. */
  addressees: { name: (language: SupportedLanguage) => string; role: string }[];
  /** YYYY-MM-DD (China): the day the outcome was recorded. */
  terminatedOn: string;
  /** YYYY-MM-DD: the day of the session where the routes were explained. */
  explainedOn: string;
  reason: MultilingualText | null;
  routesExplained: readonly string[];
  languages: SupportedLanguage[];
}

/** The termination notice (终止调解告知书, Art. 26) as blocks, Chinese first. */
export function terminationNoticeBlocks(notice: TerminationNotice, t: Translate): DocBlock[] {
  const text = docText(t);
  const each = (fn: (l: SupportedLanguage) => string) => eachLanguage(notice.languages, fn);
  const body = (fn: (l: SupportedLanguage) => string): DocBlock => ({
    kind: 'body',
    texts: each(fn),
  });
  const role = (r: string, l: SupportedLanguage) => text(`role.${r}`, {}, l);
  const type = (l: SupportedLanguage) => t(`reference:disputeType.${notice.disputeType}`, {}, l);
  const routes = terminationRoutes(notice.disputeType, notice.routesExplained);
  const reason = freeTextLines(notice.reason, notice.languages);
  return [
    { kind: 'title', texts: each((l) => text('termination.title', {}, l)) },
    body(
      (l) =>
        `${l === 'zh-CN' ? notice.committee.nameZh : notice.committee.nameEn}  ·  ${text('agreement.caseNumber', { number: notice.caseNumber }, l)}`,
    ),
    body((l) =>
      notice.addressees
        .map((a) => text('notice.to', { name: a.name(l), role: role(a.role, l) }, l))
        .join(listSeparator(l)),
    ),
    body((l) =>
      text(
        'termination.ended',
        {
          number: notice.caseNumber,
          type: type(l),
          date: formatDate(notice.terminatedOn, l),
        },
        l,
      ),
    ),
    { kind: 'heading', texts: each((l) => text('termination.reason', {}, l)) },
    ...(reason.length ? [{ kind: 'lines' as const, lines: reason }] : []),
    { kind: 'heading', texts: each((l) => text('termination.routes', {}, l)) },
    ...routes.map((route, i) => body((l) => `(${i + 1}) ${text(`termination.${route}`, {}, l)}`)),
    body((l) => text('termination.explained', { date: formatDate(notice.explainedOn, l) }, l)),
    body((l) => text('termination.free', {}, l)),
    {
      kind: 'signatures',
      boxes: [
        ...notice.addressees.map((a) =>
          notice.languages.flatMap((l) => [
            { text: text('agreement.signParty', { role: role(a.role, l) }, l), language: l },
            { text: `${a.name(l)}`, language: l, small: true },
          ]),
        ),
        notice.languages.flatMap((l) => [
          { text: text('agreement.signCommittee', {}, l), language: l },
          {
            text: `${text('agreement.signDate', {}, l)} ${formatDate(notice.terminatedOn, l)}`,
            language: l,
            small: true,
          },
        ]),
      ],
    },
  ];
}
