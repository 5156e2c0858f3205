import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.service';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { TransactionRunner } from '../database/transaction-runner';
import { invalidField } from '../errors/domain-error';
import { detectMediaType, MAX_ATTACHMENT_BYTES } from './attachment-type';
import { CaseAttachment } from './case-attachment.entity';
import { attachmentNotFound, attachmentTooLarge, attachmentTypeRefused } from './case-errors';
import { caseFileChecklist, CaseFileItem } from './case-file';
import { CaseQueries } from './case-queries.service';
import { CONCLUDED_STATES } from './case-lifecycle';
import { CaseTransition } from './case-transition.entity';
import { appendTimeline } from './case-timeline';
import { AttachmentDto } from './dto/attachment.dto';
import { MediationCase } from './mediation-case.entity';

export interface UploadedDocument {
  originalname: string;
  size: number;
  buffer: Buffer;
}

/** Evidence another module can show for a case-file item (a signed session record, an agreement). */
export type CaseFileContributor = (
  manager: EntityManager,
  mediationCase: MediationCase,
) => Promise<CaseFileItem[]>;

/** The case file: attachments stored in the database, and the checklist of what is present. */
@Injectable()
export class CaseFileService {
  private readonly contributors: CaseFileContributor[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditTrail,
    private readonly queries: CaseQueries,
  ) {}

  /** Sessions, agreements and follow-ups register here at start-up. */
  addContributor(contributor: CaseFileContributor): void {
    this.contributors.push(contributor);
  }

  async attach(
    caseId: string,
    dto: AttachmentDto,
    file: UploadedDocument | undefined,
    user: AuthenticatedUser,
  ) {
    if (!file) throw invalidField('file', 'validation:isDefined');
    if (file.size > MAX_ATTACHMENT_BYTES)
      throw attachmentTooLarge(MAX_ATTACHMENT_BYTES / 1024 / 1024);
    const mediaType = detectMediaType(file.buffer);
    if (!mediaType) throw attachmentTypeRefused();
    return this.transactions.run(async (manager) => {
      const found = await this.queries.load(caseId, user, manager);
      if (dto.partyId && !found.parties?.some((p) => p.id === dto.partyId))
        throw invalidField('partyId', 'cases:validation.unknownParty');
      const attachment = manager.getRepository(CaseAttachment).create({
        caseId,
        partyId: dto.partyId ?? null,
        kind: dto.kind,
        filename: file.originalname
          .normalize('NFC')
          // eslint-disable-next-line no-control-regex -- path separators and control characters out of file names
          .replace(/[\\/\u0000-\u001f]/g, '_')
          .slice(0, 255),
        mediaType,
        sizeBytes: file.size,
        sha256: createHash('sha256').update(file.buffer).digest('hex'),
        content: file.buffer,
        uploadedBy: user.id,
        uploadedAt: new Date(),
      });
      await manager.getRepository(CaseAttachment).insert(attachment);
      await appendTimeline(manager, caseId, {
        event: 'attachment_added',
        details: { attachmentId: attachment.id, kind: dto.kind },
      });
      await this.audit.record(manager, {
        action: 'case.attachment_added',
        entityType: 'case',
        entityId: caseId,
        summary: {
          attachmentId: attachment.id,
          kind: dto.kind,
          sha256: attachment.sha256,
          sizeBytes: file.size,
        },
      });
      const { content: _content, ...meta } = attachment;
      return meta;
    });
  }

  async list(caseId: string, user: AuthenticatedUser) {
    await this.queries.load(caseId, user);
    return this.dataSource
      .getRepository(CaseAttachment)
      .find({ where: { caseId }, order: { uploadedAt: 'ASC' } });
  }

  async download(
    caseId: string,
    attachmentId: string,
    user: AuthenticatedUser,
  ): Promise<CaseAttachment> {
    await this.queries.load(caseId, user);
    const attachment = await this.dataSource
      .getRepository(CaseAttachment)
      .createQueryBuilder('a')
      .addSelect('a.content')
      .where('a.id = :attachmentId AND a.case_id = :caseId', { attachmentId, caseId })
      .getOne();
    if (!attachment) throw attachmentNotFound(attachmentId);
    return attachment;
  }

  async checklist(caseId: string, user: AuthenticatedUser) {
    const found = await this.queries.load(caseId, user);
    const manager = this.dataSource.manager;
    const kinds = await manager
      .getRepository(CaseAttachment)
      .createQueryBuilder('a')
      .select('DISTINCT a.kind', 'kind')
      .where('a.case_id = :caseId', { caseId })
      .getRawMany<{ kind: string }>();
    const parties = found.parties ?? [];
    const presentFromData = new Set<CaseFileItem>(['application_form']);
    if (parties.length && parties.every((p) => p.rightsNoticeAt))
      presentFromData.add('rights_notice');
    const personParties = parties.filter((p) => p.person);
    if (personParties.length && personParties.every((p) => p.person?.idDocumentType))
      presentFromData.add('identity_proof');
    if (found.state === 'closed') presentFromData.add('back_cover');
    for (const contributor of this.contributors)
      for (const item of await contributor(manager, found)) presentFromData.add(item);
    const notApplicable = new Set<CaseFileItem>();
    if (!parties.some((p) => p.agents.length)) notApplicable.add('power_of_attorney');
    // Cases that never reached mediation have no session record or agreement to file.
    if (['declined', 'refused'].includes(found.state)) {
      notApplicable.add('session_record');
      notApplicable.add('agreement');
    }
    const reachedAgreement = await manager
      .getRepository(CaseTransition)
      .exist({ where: { caseId, toState: 'agreement_reached' } });
    if (!reachedAgreement && CONCLUDED_STATES.has(found.state)) notApplicable.add('agreement');
    return {
      caseId,
      caseNumber: found.caseNumber,
      items: caseFileChecklist({
        attachmentKinds: new Set(kinds.map((k) => k.kind)),
        presentFromData,
        notApplicable,
      }),
    };
  }
}
