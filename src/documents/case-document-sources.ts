/*
 * Reads what the case documents show from the modules that own it (cases, sessions, agreements)
 * and turns it into the content builders' inputs. Read-only: documents never change a case.
 */
import { EntityManager, In } from 'typeorm';
import { partyNameIn, PartySnapshot, snapshotParties } from '../agreements/agreement-parties';
import { PanelMember } from '../assignment/panel-member.entity';
import { CaseAttachment } from '../cases/case-attachment.entity';
import { MediationCase } from '../cases/mediation-case.entity';
import { SupportedLanguage } from '../i18n/languages';
import { Mediator } from '../mediators/mediator.entity';
import { MediationSession } from '../sessions/mediation-session.entity';
import { SessionOutcome } from '../sessions/session-outcome.entity';
import { SessionRecordEntry } from '../sessions/session-record-entry.entity';
import { SessionSignature } from '../sessions/session-signature.entity';
import { expectedParticipants } from '../sessions/session.view';
import { Station } from '../stations/station.entity';
import { printableFileName } from './case-file-content';
import { SessionRecordDocument } from './session-record-content';

export interface Committee {
  nameZh: string;
  nameEn: string;
  countyCode: string;
}

/** The committee that signs: the station's parent committee, or the station itself. */
export async function committeeOf(manager: EntityManager, station: Station): Promise<Committee> {
  const committee = station.parentId
    ? await manager.getRepository(Station).findOneByOrFail({ id: station.parentId })
    : station;
  return {
    nameZh: committee.nameZh,
    nameEn: committee.nameEn,
    countyCode: committee.countyCode ?? station.countyCode,
  };
}

/** A mediator's name in a document language: the Chinese name in Chinese, else their own. */
export const mediatorName = (m: Mediator | undefined, language: SupportedLanguage): string =>
  !m ? '?' : language === 'zh-CN' ? (m.nameZh ?? m.nameOriginal) : m.nameOriginal;

export async function mediatorsById(
  manager: EntityManager,
  ids: string[],
): Promise<Map<string, Mediator>> {
  if (!ids.length) return new Map();
  const found = await manager.getRepository(Mediator).findBy({ id: In([...new Set(ids)]) });
  return new Map(found.map((m) => [m.id, m]));
}

/** Mediators who sat on the case's panel (current first, then those replaced), in seat order. */
export async function panelMediators(manager: EntityManager, caseId: string): Promise<Mediator[]> {
  const members = await manager
    .getRepository(PanelMember)
    .find({ where: { caseId }, order: { assignedAt: 'ASC', id: 'ASC' } });
  const byId = await mediatorsById(
    manager,
    members.filter((m) => m.role !== 'interpreter').map((m) => m.mediatorId),
  );
  return [...byId.keys()].map((id) => byId.get(id)!);
}

export function partiesOf(mediationCase: MediationCase): PartySnapshot[] {
  return snapshotParties(mediationCase.parties ?? [], {});
}

/** Chinese and every party's document language, in party order. */
export function fileLanguages(parties: PartySnapshot[]): SupportedLanguage[] {
  return [...new Set<SupportedLanguage>(['zh-CN', ...parties.map((p) => p.language)])];
}

export interface SessionData {
  session: MediationSession;
  entries: SessionRecordEntry[];
  signatures: SessionSignature[];
  outcome: SessionOutcome | null;
}

export async function loadSessionData(
  manager: EntityManager,
  session: MediationSession,
): Promise<SessionData> {
  const [entries, signatures, outcome] = [
    await manager
      .getRepository(SessionRecordEntry)
      .find({ where: { sessionId: session.id }, order: { ordinal: 'ASC' } }),
    await manager
      .getRepository(SessionSignature)
      .find({ where: { sessionId: session.id }, order: { signedAt: 'ASC', id: 'ASC' } }),
    await manager.getRepository(SessionOutcome).findOne({ where: { sessionId: session.id } }),
  ];
  return { session, entries, signatures, outcome };
}

/** The record's content for the given languages; every id resolved to a name. */
export async function sessionRecordInput(
  manager: EntityManager,
  data: SessionData,
  context: { committee: Committee; caseNumber: string; parties: PartySnapshot[] },
  languages: SupportedLanguage[],
): Promise<SessionRecordDocument> {
  const { session, entries, signatures, outcome } = data;
  const p = session.participants;
  const mediators = await mediatorsById(manager, [...p.panelMemberIds, ...p.interpreterIds]);
  const attachmentIds = [...new Set(entries.flatMap((e) => e.shownAttachmentIds))];
  const attachments = attachmentIds.length
    ? await manager
        .getRepository(CaseAttachment)
        .find({ where: { id: In(attachmentIds) }, select: { id: true, filename: true } })
    : [];
  const fileName = (id: string) =>
    printableFileName(attachments.find((a) => a.id === id)?.filename ?? id);
  const party = (id?: string) => context.parties.find((x) => x.id === id);
  const partyName = (id?: string) => (l: SupportedLanguage) => {
    const found = party(id);
    return found ? partyNameIn(found, l) : '?';
  };
  const ordinalOf = (id: string | null) => entries.find((e) => e.id === id)?.ordinal ?? null;
  const present = new Set((session.attendance ?? []).filter((m) => m.present).map((m) => m.key));
  const participantName = (
    key: string,
    kind: string,
    partyId?: string,
    mediatorId?: string,
    name?: string,
  ) =>
    kind === 'party'
      ? partyName(partyId)
      : mediatorId
        ? (l: SupportedLanguage) => mediatorName(mediators.get(mediatorId), l)
        : () => name ?? key;
  const expected = expectedParticipants(session);
  return {
    committee: context.committee,
    caseNumber: context.caseNumber,
    session: {
      number: session.number,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      timeZone: session.timeZone,
      place: [session.room, session.videoLink].filter(Boolean).join(' · '),
      publicity: session.publicity,
      languages: session.languages,
    },
    mediators: p.panelMemberIds.map((id) => mediatorName(mediators.get(id), languages[0])),
    interpreters: p.interpreterIds.map((id) => mediatorName(mediators.get(id), languages[0])),
    invited: p.invited.map((v) => v.name),
    attendance: session.attendance
      ? expected.map((e) => {
          const mark = session.attendance!.find((m) => m.key === e.key);
          return {
            name: participantName(e.key, e.kind, e.partyId, e.mediatorId, e.name),
            kind: e.kind,
            present: !!mark?.present,
            ...(mark?.note ? { note: mark.note } : {}),
          };
        })
      : null,
    entries: entries.map((e) => ({
      ordinal: e.ordinal,
      speaker: { kind: e.speaker.kind, name: e.speaker.name },
      text: e.text,
      shown: e.shownAttachmentIds.map(fileName),
      correctsOrdinal: ordinalOf(e.correctsEntryId),
    })),
    outcome: outcome?.kind ?? null,
    signatures: signatures.map((s) => ({
      name: s.name,
      kind: s.signerKind,
      method: s.method,
      signedAt: s.signedAt,
    })),
    signers: expected
      .filter((e) => (e.kind === 'party' || e.kind === 'mediator') && present.has(e.key))
      .map((e) => ({
        kind: e.kind,
        name: participantName(e.key, e.kind, e.partyId, e.mediatorId, e.name),
      })),
    languages,
  };
}
