import { AttachmentKind } from './case-attachment.entity';

/**
 * The case file (卷宗) checklist of the 2002 rules (DOMAIN.md): what must be in every file and
 * what is added as needed. Each item is present when the case's data shows it or an attachment of
 * its kind is on file; other modules (sessions, agreements, follow-ups) contribute evidence too.
 */
export const CASE_FILE_ITEMS = [
  { item: 'application_form', required: true, attachment: 'application_form' },
  { item: 'rights_notice', required: true, attachment: 'rights_notice' },
  { item: 'identity_proof', required: true, attachment: 'identity_proof' },
  { item: 'session_record', required: true, attachment: null },
  { item: 'agreement', required: true, attachment: null },
  { item: 'back_cover', required: true, attachment: null },
  { item: 'power_of_attorney', required: false, attachment: 'power_of_attorney' },
  { item: 'investigation_record', required: false, attachment: 'investigation_record' },
  { item: 'evidence', required: false, attachment: 'evidence' },
  { item: 'receipt', required: false, attachment: 'receipt' },
  { item: 'follow_up_record', required: false, attachment: 'follow_up_record' },
  { item: 'judicial_confirmation', required: false, attachment: 'judicial_confirmation' },
  { item: 'explanatory_note', required: false, attachment: 'explanatory_note' },
] as const satisfies readonly {
  item: string;
  required: boolean;
  attachment: AttachmentKind | null;
}[];

export type CaseFileItem = (typeof CASE_FILE_ITEMS)[number]['item'];

export interface CaseFileFacts {
  attachmentKinds: Set<string>;
  /** Items other modules or the case data show as present (registration form, notices, records ...). */
  presentFromData: Set<CaseFileItem>;
  /** Items that do not apply to this case (no agents: no power of attorney needed). */
  notApplicable: Set<CaseFileItem>;
}

export function caseFileChecklist(facts: CaseFileFacts) {
  return CASE_FILE_ITEMS.map((entry) => {
    const present =
      facts.presentFromData.has(entry.item) ||
      (entry.attachment !== null && facts.attachmentKinds.has(entry.attachment));
    const applicable = !facts.notApplicable.has(entry.item);
    return { item: entry.item, required: entry.required && applicable, present, applicable };
  });
}
