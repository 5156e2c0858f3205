import { textIn } from '../common/multilingual-text/multilingual-text';
import { ErrorDetail } from '../errors/domain-error';
import { SupportedLanguage } from '../i18n/languages';
import { AgreementContent } from './agreement-content';
import { findParty, partyNameIn, PartySnapshot } from './agreement-parties';
import { clauseTermProblems, renderClauseTerm } from './clause-terms';
import { AgreementTermDto } from './dto/agreement.dto';

/** Problems of the terms a DTO cannot see: unknown clause kinds, bad parameters, missing free text. */
export function termProblems(terms: AgreementTermDto[], parties: PartySnapshot[]): ErrorDetail[] {
  return terms.flatMap((term, i) => {
    const field = `terms.${i}`;
    if (term.kind === 'free') {
      return term.text
        ? []
        : [
            {
              field: `${field}.text`,
              key: 'validation:isDefined',
              params: { field: `${field}.text` },
            },
          ];
    }
    return clauseTermProblems(
      term.clause ?? '',
      term.params ?? {},
      field,
      (ref) => !!findParty(parties, ref),
    );
  });
}

/** Each text of the agreement in one language, in document order, with the field it comes from. */
export function agreementTexts(
  content: AgreementContent,
  language: SupportedLanguage,
): { field: string; text: string }[] {
  const free = (field: string, value: Parameters<typeof textIn>[0]) => ({
    field,
    text: textIn(value, language)?.text ?? '',
  });
  const names = (ref: string) => {
    const party = findParty(content.parties, ref);
    return party ? partyNameIn(party, language) : ref;
  };
  return [
    ...content.parties.map((p, i) => ({
      field: `parties.${i}.name`,
      text: partyNameIn(p, language),
    })),
    free('facts', content.facts),
    free('mattersInDispute', content.mattersInDispute),
    free('responsibilities', content.responsibilities),
    ...content.terms.map((term, i) =>
      term.kind === 'clause'
        ? { field: `terms.${i}`, text: renderClauseTerm(term.clause, term.params, language, names) }
        : free(`terms.${i}.text`, term.text),
    ),
    free('performance.method', content.performance.method),
    free('performance.place', content.performance.place),
    ...content.mediators.map((m, i) => ({ field: `mediators.${i}.name`, text: m.name })),
  ];
}
