import { MediationSession } from './mediation-session.entity';
import { SessionOutcome } from './session-outcome.entity';
import { SessionRecordEntry } from './session-record-entry.entity';
import { SessionSignature } from './session-signature.entity';

export interface ExpectedParticipant {
  /** Stable key used by attendance marks. */
  key: string;
  kind: 'party' | 'agent' | 'mediator' | 'interpreter' | 'invited';
  partyId?: string;
  mediatorId?: string;
  name?: string;
}

/** Everyone the session expects, each under the key attendance marks refer to. */
export function expectedParticipants(session: Pick<MediationSession, 'participants'>) {
  const p = session.participants;
  return [
    ...p.partyIds.map<ExpectedParticipant>((id) => ({
      key: `party:${id}`,
      kind: 'party',
      partyId: id,
    })),
    ...p.agents.map<ExpectedParticipant>((a, i) => ({
      key: `agent:${i + 1}`,
      kind: 'agent',
      partyId: a.partyId,
      name: a.name,
    })),
    ...p.panelMemberIds.map<ExpectedParticipant>((id) => ({
      key: `mediator:${id}`,
      kind: 'mediator',
      mediatorId: id,
    })),
    ...p.interpreterIds.map<ExpectedParticipant>((id) => ({
      key: `interpreter:${id}`,
      kind: 'interpreter',
      mediatorId: id,
    })),
    ...p.invited.map<ExpectedParticipant>((v, i) => ({
      key: `invited:${i + 1}`,
      kind: 'invited',
      name: v.name,
    })),
  ];
}

export function sessionView(session: MediationSession) {
  return {
    id: session.id,
    caseId: session.caseId,
    number: session.number,
    status: session.status,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    timeZone: session.timeZone,
    room: session.room,
    videoLink: session.videoLink,
    publicity: session.publicity,
    privateReason: session.privateReason,
    languages: session.languages,
    participants: session.participants,
    expectedParticipants: expectedParticipants(session),
    attendance: session.attendance,
    cancellationReason: session.cancellationReason,
    signedAt: session.signedAt,
    createdAt: session.createdAt,
  };
}

export function recordView(
  session: MediationSession,
  entries: SessionRecordEntry[],
  signatures: SessionSignature[],
  outcome: SessionOutcome | null,
) {
  const shown = [...new Set(entries.flatMap((e) => e.shownAttachmentIds))];
  return {
    sessionId: session.id,
    signed: session.signedAt !== null,
    signedAt: session.signedAt,
    attendance: session.attendance,
    entries: entries.map((e) => ({
      id: e.id,
      ordinal: e.ordinal,
      speaker: e.speaker,
      text: e.text,
      shownAttachmentIds: e.shownAttachmentIds,
      correctsEntryId: e.correctsEntryId,
      afterSigning: e.afterSigning,
      createdAt: e.createdAt,
      editedAt: e.editedAt,
    })),
    documentsShown: shown,
    signatures: signatures.map((s) => ({
      signerKind: s.signerKind,
      partyId: s.partyId,
      mediatorId: s.mediatorId,
      name: s.name,
      method: s.method,
      scanAttachmentId: s.scanAttachmentId,
      signedAt: s.signedAt,
    })),
    outcome: outcome && {
      id: outcome.id,
      kind: outcome.kind,
      details: outcome.details,
      performanceDeadline: outcome.performanceDeadline,
      recordedAt: outcome.recordedAt,
    },
  };
}
