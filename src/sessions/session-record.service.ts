import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.service';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CaseAttachment } from '../cases/case-attachment.entity';
import { CaseQueries } from '../cases/case-queries.service';
import { lockCase } from '../cases/case-lock';
import { appendTimeline } from '../cases/case-timeline';
import { MediationCase } from '../cases/mediation-case.entity';
import { TransactionRunner } from '../database/transaction-runner';
import { invalidField } from '../errors/domain-error';
import { MediationSession } from './mediation-session.entity';
import {
  entryNotFound,
  recordIncomplete,
  recordSigned,
  sessionNotOpen,
  signaturesMissing,
} from './session-errors';
import { SessionOutcome } from './session-outcome.entity';
import { SessionRecordEntry } from './session-record-entry.entity';
import { loadSession } from './session-scheduler.service';
import { SessionSignature } from './session-signature.entity';
import { expectedParticipants, recordView } from './session.view';
import {
  AttendanceDto,
  EditRecordEntryDto,
  RecordEntryDto,
  SignRecordDto,
  SpeakerDto,
} from './dto/session-record.dto';

/**
 * The session record (调解笔录): attendance, entries in order, signatures. Until it is signed,
 * entries can be edited; after, the record is read-only and only correction entries are added.
 * Every write locks the case row first on PostgreSQL, so an entry and the signing cannot both
 * read the record as open, and entries are numbered without a repeat.
 */
@Injectable()
export class SessionRecordService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditTrail,
    private readonly queries: CaseQueries,
  ) {}

  async record(caseId: string, sessionId: string, user: AuthenticatedUser) {
    await this.queries.load(caseId, user);
    const manager = this.dataSource.manager;
    const session = await loadSession(manager, caseId, sessionId);
    const entries = await manager
      .getRepository(SessionRecordEntry)
      .find({ where: { sessionId }, order: { ordinal: 'ASC' } });
    const signatures = await manager
      .getRepository(SessionSignature)
      .find({ where: { sessionId }, order: { signedAt: 'ASC' } });
    const outcome = await manager.getRepository(SessionOutcome).findOne({ where: { sessionId } });
    return recordView(session, entries, signatures, outcome);
  }

  async addEntry(caseId: string, sessionId: string, dto: RecordEntryDto, user: AuthenticatedUser) {
    await this.transactions.run(async (manager) => {
      await lockCase(manager, caseId);
      const found = await this.queries.load(caseId, user, manager);
      const session = await loadSession(manager, caseId, sessionId);
      if (session.status === 'cancelled') throw sessionNotOpen(session.status);
      const signed = session.signedAt !== null;
      // After signing, the record only grows by corrections that say what they correct.
      if (signed && !dto.correctsEntryId) throw recordSigned();
      if (dto.correctsEntryId) {
        const corrected = await manager
          .getRepository(SessionRecordEntry)
          .findOne({ where: { id: dto.correctsEntryId, sessionId } });
        if (!corrected) throw invalidField('correctsEntryId', 'sessions:validation.unknownEntry');
      }
      this.checkSpeaker(found, session, dto.speaker);
      await checkAttachments(manager, caseId, dto.shownAttachmentIds ?? [], 'shownAttachmentIds');
      const last = await manager
        .getRepository(SessionRecordEntry)
        .createQueryBuilder('e')
        .select('MAX(e.ordinal)', 'max')
        .where('e.session_id = :sessionId', { sessionId })
        .getRawOne<{ max: number | string | null }>();
      const entry = manager.getRepository(SessionRecordEntry).create({
        sessionId,
        caseId,
        ordinal: Number(last?.max ?? 0) + 1,
        speaker: { ...dto.speaker },
        text: dto.text,
        shownAttachmentIds: dto.shownAttachmentIds ?? [],
        correctsEntryId: dto.correctsEntryId ?? null,
        afterSigning: signed,
        createdBy: user.id,
        editedAt: null,
      });
      await manager.getRepository(SessionRecordEntry).insert(entry);
      await this.audit.record(manager, {
        action: dto.correctsEntryId ? 'session.record_corrected' : 'session.record_entry_added',
        entityType: 'session',
        entityId: sessionId,
        summary: {
          entryId: entry.id,
          ordinal: entry.ordinal,
          speakerKind: dto.speaker.kind,
          language: dto.text.original.language,
          correctsEntryId: dto.correctsEntryId ?? null,
        },
      });
    });
    return this.record(caseId, sessionId, user);
  }

  async editEntry(
    caseId: string,
    sessionId: string,
    entryId: string,
    dto: EditRecordEntryDto,
    user: AuthenticatedUser,
  ) {
    await this.transactions.run(async (manager) => {
      await lockCase(manager, caseId);
      const found = await this.queries.load(caseId, user, manager);
      const { session, entry } = await this.openEntry(manager, caseId, sessionId, entryId);
      if (dto.speaker) this.checkSpeaker(found, session, dto.speaker);
      if (dto.shownAttachmentIds)
        await checkAttachments(manager, caseId, dto.shownAttachmentIds, 'shownAttachmentIds');
      await manager.getRepository(SessionRecordEntry).update(
        { id: entry.id },
        {
          ...(dto.speaker ? { speaker: { ...dto.speaker } } : {}),
          ...(dto.text ? { text: dto.text } : {}),
          ...(dto.shownAttachmentIds ? { shownAttachmentIds: dto.shownAttachmentIds } : {}),
          editedAt: new Date(),
        },
      );
      await this.audit.record(manager, {
        action: 'session.record_entry_edited',
        entityType: 'session',
        entityId: sessionId,
        summary: { entryId, fields: Object.keys(dto) },
      });
    });
    return this.record(caseId, sessionId, user);
  }

  async deleteEntry(caseId: string, sessionId: string, entryId: string, user: AuthenticatedUser) {
    await this.transactions.run(async (manager) => {
      await lockCase(manager, caseId);
      await this.queries.load(caseId, user, manager);
      await this.openEntry(manager, caseId, sessionId, entryId);
      const correctedBy = await manager
        .getRepository(SessionRecordEntry)
        .exists({ where: { correctsEntryId: entryId } });
      if (correctedBy) throw invalidField('entryId', 'sessions:validation.entryCorrected');
      await manager.getRepository(SessionRecordEntry).delete({ id: entryId });
      await this.audit.record(manager, {
        action: 'session.record_entry_deleted',
        entityType: 'session',
        entityId: sessionId,
        summary: { entryId },
      });
    });
    return this.record(caseId, sessionId, user);
  }

  /** Marks who came and who did not: one mark per expected participant, no unknown keys. */
  async recordAttendance(
    caseId: string,
    sessionId: string,
    dto: AttendanceDto,
    user: AuthenticatedUser,
  ) {
    await this.transactions.run(async (manager) => {
      await lockCase(manager, caseId);
      await this.queries.load(caseId, user, manager);
      const session = await loadSession(manager, caseId, sessionId);
      if (session.signedAt) throw recordSigned();
      if (session.status !== 'scheduled') throw sessionNotOpen(session.status);
      const expected = expectedParticipants(session).map((p) => p.key);
      dto.marks.forEach((m, i) => {
        if (!expected.includes(m.key))
          throw invalidField(`marks.${i}.key`, 'sessions:validation.unknownParticipant');
        if (dto.marks.findIndex((o) => o.key === m.key) < i)
          throw invalidField(`marks.${i}.key`, 'sessions:validation.markedTwice');
      });
      const unmarked = expected.filter((key) => !dto.marks.some((m) => m.key === key));
      if (unmarked.length)
        throw invalidField('marks', 'sessions:validation.attendanceIncomplete', {
          missing: unmarked.join(', '),
        });
      await manager.getRepository(MediationSession).update(
        { id: sessionId },
        {
          attendance: dto.marks.map((m) => ({
            key: m.key,
            present: m.present,
            ...(m.note ? { note: m.note } : {}),
          })),
        },
      );
      await this.audit.record(manager, {
        action: 'session.attendance_recorded',
        entityType: 'session',
        entityId: sessionId,
        summary: {
          present: dto.marks.filter((m) => m.present).map((m) => m.key),
          absent: dto.marks.filter((m) => !m.present).map((m) => m.key),
        },
      });
    });
    return this.record(caseId, sessionId, user);
  }

  /**
   * Signs the record (2002 rules): every mediator present and every party present — in person or
   * through an agent — signs, seals or fingerprints. The record is read-only from then on.
   */
  async sign(caseId: string, sessionId: string, dto: SignRecordDto, user: AuthenticatedUser) {
    await this.transactions.run(async (manager) => {
      await lockCase(manager, caseId);
      const found = await this.queries.load(caseId, user, manager);
      const session = await loadSession(manager, caseId, sessionId);
      if (session.signedAt) throw recordSigned();
      if (session.status !== 'scheduled') throw sessionNotOpen(session.status);
      const entries = await manager
        .getRepository(SessionRecordEntry)
        .count({ where: { sessionId } });
      if (!session.attendance) throw recordIncomplete('attendance');
      if (!entries) throw recordIncomplete('entries');
      const present = new Set(session.attendance.filter((m) => m.present).map((m) => m.key));
      dto.signatures.forEach((s, i) => {
        const field = `signatures.${i}`;
        if (s.signerKind === 'mediator' && !present.has(`mediator:${s.mediatorId}`))
          throw invalidField(`${field}.mediatorId`, 'sessions:validation.signerNotPresent');
        if (s.signerKind !== 'mediator' && !session.participants.partyIds.includes(s.partyId ?? ''))
          throw invalidField(`${field}.partyId`, 'sessions:validation.signerNotPresent');
      });
      await checkAttachments(
        manager,
        caseId,
        dto.signatures.flatMap((s) => (s.scanAttachmentId ? [s.scanAttachmentId] : [])),
        'signatures',
      );
      const missing = [
        ...session.participants.panelMemberIds
          .filter((id) => present.has(`mediator:${id}`))
          .filter(
            (id) => !dto.signatures.some((s) => s.signerKind === 'mediator' && s.mediatorId === id),
          )
          .map((id) => `mediator:${id}`),
        ...session.participants.partyIds
          .filter((id) => present.has(`party:${id}`) || agentPresent(session, present, id))
          .filter(
            (id) => !dto.signatures.some((s) => s.signerKind !== 'mediator' && s.partyId === id),
          )
          .map((id) => partyLabel(found, id)),
      ];
      if (!session.participants.panelMemberIds.some((id) => present.has(`mediator:${id}`)))
        throw recordIncomplete('mediator');
      if (missing.length) throw signaturesMissing(missing.join(', '));
      const now = new Date();
      await manager.getRepository(SessionSignature).insert(
        dto.signatures.map((s) => ({
          sessionId,
          signerKind: s.signerKind,
          partyId: s.signerKind === 'mediator' ? null : s.partyId!,
          mediatorId: s.signerKind === 'mediator' ? s.mediatorId! : null,
          name: s.name,
          method: s.method,
          scanAttachmentId: s.scanAttachmentId ?? null,
          signedAt: now,
        })),
      );
      await manager
        .getRepository(MediationSession)
        .update(
          { id: sessionId },
          { status: 'held', signedAt: now, revision: session.revision + 1 },
        );
      await appendTimeline(manager, caseId, {
        event: 'session_record_signed',
        details: { sessionId, number: session.number, entries },
      });
      await this.audit.record(manager, {
        action: 'session.record_signed',
        entityType: 'session',
        entityId: sessionId,
        summary: {
          caseId,
          entries,
          signatures: dto.signatures.map((s) => `${s.signerKind}:${s.method}`),
        },
      });
    });
    return this.record(caseId, sessionId, user);
  }

  private async openEntry(
    manager: EntityManager,
    caseId: string,
    sessionId: string,
    entryId: string,
  ) {
    const session = await loadSession(manager, caseId, sessionId);
    const entry = await manager
      .getRepository(SessionRecordEntry)
      .findOne({ where: { id: entryId, sessionId } });
    if (!entry) throw entryNotFound(entryId);
    if (session.signedAt || entry.afterSigning) throw recordSigned();
    return { session, entry };
  }

  /** A speaker who is a party or a mediator must be one of the case's parties or the session's mediators. */
  private checkSpeaker(found: MediationCase, session: MediationSession, speaker: SpeakerDto) {
    if (
      (speaker.kind === 'party' || speaker.kind === 'agent') &&
      !found.parties?.some((p) => p.id === speaker.partyId)
    )
      throw invalidField('speaker.partyId', 'cases:validation.unknownParty');
    const mediators = [
      ...session.participants.panelMemberIds,
      ...session.participants.interpreterIds,
    ];
    if (
      (speaker.kind === 'mediator' || speaker.kind === 'interpreter') &&
      !mediators.includes(speaker.mediatorId ?? '')
    )
      throw invalidField('speaker.mediatorId', 'sessions:validation.notInSession');
  }
}

function agentPresent(session: MediationSession, present: Set<string>, partyId: string) {
  return session.participants.agents.some(
    (a, i) => a.partyId === partyId && present.has(`agent:${i + 1}`),
  );
}

function partyLabel(found: MediationCase, partyId: string) {
  const party = found.parties?.find((p) => p.id === partyId);
  return party?.person?.nameOriginal ?? party?.organisation?.nameOriginal ?? partyId;
}

/** Attachment ids must be attachments of this case. */
export async function checkAttachments(
  manager: EntityManager,
  caseId: string,
  ids: string[],
  field: string,
) {
  if (!ids.length) return;
  const found = await manager
    .getRepository(CaseAttachment)
    .find({ where: { id: In(ids), caseId }, select: ['id'] });
  const unknown = ids.findIndex((id) => !found.some((a) => a.id === id));
  if (unknown >= 0)
    throw invalidField(`${field}.${unknown}`, 'sessions:validation.unknownAttachment');
}
