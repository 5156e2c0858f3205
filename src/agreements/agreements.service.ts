import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.service';
import { AuthenticatedUser, scopeOf } from '../auth/authenticated-user';
import { CaseLifecycle } from '../cases/case-lifecycle.service';
import { CaseQueries } from '../cases/case-queries.service';
import { lockCase } from '../cases/case-lock';
import { applyCaseScope } from '../cases/case-scope';
import { appendTimeline } from '../cases/case-timeline';
import { MediationCase } from '../cases/mediation-case.entity';
import { TransactionRunner } from '../database/transaction-runner';
import { ErrorDetail, ValidationFailedError } from '../errors/domain-error';
import { SupportedLanguage } from '../i18n/languages';
import { JsonObject } from '../common/json';
import {
  AgreementContent,
  AgreementTerm,
  confirmationDeadline,
  contentHashOf,
  newVerificationCode,
  requiredLanguages,
  translationGaps,
} from './agreement-content';
import { Agreement, AgreementSignature, AgreementVersion } from './agreement.entity';
import {
  agreementExists,
  agreementInEffect,
  agreementNotEffective,
  agreementNotFound,
  alreadySigned,
  caseNotMediating,
  confirmationAlreadyApplied,
  confirmationOutsideWindow,
  signerNotExpected,
  translationsMissing,
  unrenderableCharacters,
  versionNotDraft,
  versionNotIssued,
} from './agreement-errors';
import { snapshotParties } from './agreement-parties';
import { agreementTexts, termProblems } from './agreement-text';
import { moneyOfClause, sumPerCurrency } from './clause-terms';
import { unrenderableIn } from './renderability';
import { confirmationWindow, isInConfirmationWindow } from './confirmation-window';
import { AgreementDraftDto, ConfirmationApplicationDto, SignatureDto } from './dto/agreement.dto';

/** Money the agreement's terms cover, per currency (statistics: "money covered by agreements"). */
export function coveredAmounts(content: AgreementContent) {
  return sumPerCurrency(
    content.terms.flatMap((term) => (term.kind === 'clause' ? moneyOfClause(term.params) : [])),
  );
}

const DRAFTABLE_STATES = new Set(['mediating', 'agreement_reached']);

/** Who must sign an issued version for it to take effect: every party, every mediator, the committee. */
export function requiredSigners(
  content: AgreementContent,
): { kind: 'party' | 'mediator' | 'committee'; ref: string }[] {
  return [
    ...content.parties.map((p) => ({ kind: 'party' as const, ref: p.id })),
    ...content.mediators.map((m) => ({ kind: 'mediator' as const, ref: m.ref })),
    { kind: 'committee' as const, ref: 'committee' },
  ];
}

/**
 * Drafting, issuing, revising and signing mediation agreements (Art. 28-33). Every write locks the
 * agreement row (a draft: the case row) on PostgreSQL, so concurrent draft, issue, revise and
 * signature requests leave one agreement per case and one consistent version.
 */
@Injectable()
export class AgreementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditTrail,
    private readonly cases: CaseQueries,
    private readonly lifecycle: CaseLifecycle,
  ) {}

  async draft(caseId: string, dto: AgreementDraftDto, user: AuthenticatedUser) {
    const id = await this.transactions.run(async (manager) => {
      // One agreement per case: two drafts at once must not both find none.
      await lockCase(manager, caseId);
      const found = await this.cases.load(caseId, user, manager);
      if (!DRAFTABLE_STATES.has(found.state)) throw caseNotMediating(found.state);
      const existing = await manager.getRepository(Agreement).findOne({ where: { caseId } });
      if (existing) throw agreementExists(existing.id);
      const content = this.buildContent(found, dto);
      const agreement = manager
        .getRepository(Agreement)
        .create({ caseId, currentVersion: 1, createdBy: user.id });
      await manager.getRepository(Agreement).insert(agreement);
      await manager.getRepository(AgreementVersion).save(
        manager.getRepository(AgreementVersion).create({
          agreementId: agreement.id,
          version: 1,
          state: 'draft',
          content,
          amounts: [],
        }),
      );
      await appendTimeline(manager, caseId, {
        event: 'agreement_drafted',
        details: { agreementId: agreement.id, version: 1 },
      });
      await this.audit.record(manager, {
        action: 'agreement.drafted',
        entityType: 'agreement',
        entityId: agreement.id,
        summary: { caseId, version: 1 },
      });
      return agreement.id;
    });
    return this.get(id, user);
  }

  /** Replaces the draft's content; once issued, a change is a new version (revise). */
  async updateDraft(agreementId: string, dto: AgreementDraftDto, user: AuthenticatedUser) {
    await this.transactions.run(async (manager) => {
      const { agreement, version, mediationCase } = await this.lockCurrent(
        manager,
        agreementId,
        user,
      );
      if (version.state !== 'draft') throw versionNotDraft(version.state);
      version.content = this.buildContent(mediationCase, dto);
      await manager.getRepository(AgreementVersion).save(version);
      await this.audit.record(manager, {
        action: 'agreement.draft_updated',
        entityType: 'agreement',
        entityId: agreement.id,
        summary: { version: version.version },
      });
    });
    return this.get(agreementId, user);
  }

  /** A new draft version from the issued one; the issued version is superseded. */
  async revise(agreementId: string, dto: AgreementDraftDto, user: AuthenticatedUser) {
    await this.transactions.run(async (manager) => {
      const { agreement, version, mediationCase } = await this.lockCurrent(
        manager,
        agreementId,
        user,
      );
      if (version.state === 'effective') throw agreementInEffect();
      if (version.state === 'draft') throw versionNotIssued(version.state);
      const next = version.version + 1;
      await manager
        .getRepository(AgreementVersion)
        .update({ id: version.id }, { state: 'superseded' });
      await manager.getRepository(AgreementVersion).save(
        manager.getRepository(AgreementVersion).create({
          agreementId,
          version: next,
          state: 'draft',
          content: this.buildContent(mediationCase, dto),
          amounts: [],
        }),
      );
      await manager.getRepository(Agreement).update({ id: agreementId }, { currentVersion: next });
      await appendTimeline(manager, agreement.caseId, {
        event: 'agreement_revised',
        details: { agreementId, version: next },
      });
      await this.audit.record(manager, {
        action: 'agreement.revised',
        entityType: 'agreement',
        entityId: agreementId,
        summary: { from: version.version, to: next },
      });
    });
    return this.get(agreementId, user);
  }

  /**
   * Freezes the current draft. Refused, naming each gap, until every party's language is covered
   * by the clause library or a checked translation, and every character can be printed.
   */
  async issue(agreementId: string, user: AuthenticatedUser) {
    await this.transactions.run(async (manager) => {
      const { agreement, version, mediationCase } = await this.lockCurrent(
        manager,
        agreementId,
        user,
      );
      if (version.state !== 'draft') throw versionNotDraft(version.state);
      const gaps = translationGaps(version.content);
      if (gaps.length) throw translationsMissing(gaps);
      const unprintable: ErrorDetail[] = [];
      for (const language of requiredLanguages(version.content)) {
        for (const { field, text } of agreementTexts(version.content, language))
          unprintable.push(...unrenderableIn(text, field, language));
      }
      if (unprintable.length) throw unrenderableCharacters(unprintable);
      const contentHash = contentHashOf({
        caseNumber: mediationCase.caseNumber,
        version: version.version,
        content: version.content,
      });
      const verificationCode = newVerificationCode();
      await manager.getRepository(AgreementVersion).update(
        { id: version.id },
        {
          state: 'issued',
          contentHash,
          verificationCode,
          issuedAt: new Date(),
          issuedBy: user.id,
          amounts: coveredAmounts(version.content),
        },
      );
      await appendTimeline(manager, agreement.caseId, {
        event: 'agreement_issued',
        details: { agreementId, version: version.version },
      });
      await this.audit.record(manager, {
        action: 'agreement.issued',
        entityType: 'agreement',
        entityId: agreementId,
        summary: { version: version.version, contentHash, verificationCode },
      });
    });
    return this.get(agreementId, user);
  }

  /** Records a signature, seal or fingerprint; the last one makes the agreement effective. */
  async sign(agreementId: string, dto: SignatureDto, user: AuthenticatedUser) {
    await this.transactions.run(async (manager) => {
      const { agreement, version } = await this.lockCurrent(manager, agreementId, user);
      if (version.state !== 'issued') throw versionNotIssued(version.state);
      const required = requiredSigners(version.content);
      if (!required.some((r) => r.kind === dto.signerKind && r.ref === dto.signerRef))
        throw signerNotExpected(dto.signerRef);
      const signatures = manager.getRepository(AgreementSignature);
      if (
        await signatures.exist({
          where: { versionId: version.id, signerKind: dto.signerKind, signerRef: dto.signerRef },
        })
      ) {
        throw alreadySigned(dto.signerRef);
      }
      const now = new Date();
      await signatures.insert(
        signatures.create({
          versionId: version.id,
          signerKind: dto.signerKind,
          signerRef: dto.signerRef,
          method: dto.method,
          signedAt: now,
          scanAttachmentId: dto.scanAttachmentId ?? null,
          recordedBy: user.id,
        }),
      );
      await this.audit.record(manager, {
        action: 'agreement.signed',
        entityType: 'agreement',
        entityId: agreementId,
        summary: {
          version: version.version,
          signerKind: dto.signerKind,
          signerRef: dto.signerRef,
          method: dto.method,
        },
      });
      const count = await signatures.count({ where: { versionId: version.id } });
      if (count === required.length) {
        await manager
          .getRepository(AgreementVersion)
          .update({ id: version.id }, { state: 'effective', effectiveAt: now });
        await appendTimeline(manager, agreement.caseId, {
          event: 'agreement_effective',
          details: {
            agreementId,
            version: version.version,
            confirmationDeadline: confirmationDeadline(now).toISOString(),
          },
        });
        const mediationCase = await manager
          .getRepository(MediationCase)
          .findOneByOrFail({ id: agreement.caseId });
        if (mediationCase.state === 'mediating') {
          await this.lifecycle.transition(
            manager,
            agreement.caseId,
            'agreement_reached',
            'manual',
            null,
            { agreementId },
          );
        }
      }
    });
    return this.get(agreementId, user);
  }

  /**
   * Records that the parties jointly applied to the basic court for judicial confirmation of the
   * effective agreement (Art. 33), on a day inside its 30-day window. Recorded once: the statistics
   * count the application on that day.
   */
  async recordConfirmationApplication(
    agreementId: string,
    dto: ConfirmationApplicationDto,
    user: AuthenticatedUser,
  ) {
    await this.transactions.run(async (manager) => {
      const { agreement, version } = await this.lockCurrent(manager, agreementId, user);
      if (version.state !== 'effective' || !version.effectiveAt)
        throw agreementNotEffective(version.state);
      if (agreement.confirmationAppliedOn)
        throw confirmationAlreadyApplied(String(agreement.confirmationAppliedOn).slice(0, 10));
      const window = confirmationWindow(version.effectiveAt, new Date());
      if (!isInConfirmationWindow(dto.appliedOn, window))
        throw confirmationOutsideWindow(dto.appliedOn, window.first, window.last);
      await manager
        .getRepository(Agreement)
        .update(
          { id: agreementId },
          { confirmationAppliedOn: dto.appliedOn, confirmationCourt: dto.court },
        );
      await appendTimeline(manager, agreement.caseId, {
        event: 'confirmation_applied',
        details: { agreementId, appliedOn: dto.appliedOn, court: dto.court },
      });
      await this.audit.record(manager, {
        action: 'agreement.confirmation_applied',
        entityType: 'agreement',
        entityId: agreementId,
        summary: { version: version.version, appliedOn: dto.appliedOn, court: dto.court },
      });
    });
    return this.get(agreementId, user);
  }

  async get(agreementId: string, user: AuthenticatedUser) {
    const agreement = await this.findInScope(this.dataSource.manager, agreementId, user);
    const versions = await this.dataSource
      .getRepository(AgreementVersion)
      .find({ where: { agreementId }, order: { version: 'ASC' } });
    const current = versions.find((v) => v.version === agreement.currentVersion)!;
    const signatures = await this.dataSource
      .getRepository(AgreementSignature)
      .find({ where: { versionId: current.id }, order: { signedAt: 'ASC' } });
    const signed = new Set(signatures.map((s) => `${s.signerKind}:${s.signerRef}`));
    return {
      id: agreement.id,
      caseId: agreement.caseId,
      currentVersion: agreement.currentVersion,
      state: current.state,
      content: current.content,
      contentHash: current.contentHash,
      verificationCode: current.verificationCode,
      issuedAt: current.issuedAt,
      effectiveAt: current.effectiveAt,
      confirmationDeadline: current.effectiveAt ? confirmationDeadline(current.effectiveAt) : null,
      // A DATE column reads back as a Date on some drivers: always the bare day.
      confirmationAppliedOn: agreement.confirmationAppliedOn
        ? String(agreement.confirmationAppliedOn).slice(0, 10)
        : null,
      confirmationCourt: agreement.confirmationCourt,
      languages: requiredLanguages(current.content),
      signatures: signatures.map((s) => ({
        signerKind: s.signerKind,
        signerRef: s.signerRef,
        method: s.method,
        signedAt: s.signedAt,
        scanAttachmentId: s.scanAttachmentId,
      })),
      missingSignatures:
        current.state === 'issued'
          ? requiredSigners(current.content).filter((r) => !signed.has(`${r.kind}:${r.ref}`))
          : [],
      versions: versions.map((v) => ({
        version: v.version,
        state: v.state,
        issuedAt: v.issuedAt,
        effectiveAt: v.effectiveAt,
      })),
    };
  }

  async listForCase(caseId: string, user: AuthenticatedUser) {
    await this.cases.load(caseId, user);
    const agreements = await this.dataSource.getRepository(Agreement).find({ where: { caseId } });
    const views = [];
    for (const agreement of agreements) views.push(await this.get(agreement.id, user));
    return views;
  }

  /** Effective agreements whose 30-day window for judicial confirmation closes within `days`. */
  async closingConfirmationWindows(days: number, user: AuthenticatedUser) {
    const now = new Date();
    const from = new Date(now.getTime() - 30 * 86_400_000);
    const to = new Date(from.getTime() + days * 86_400_000);
    const query = this.dataSource
      .getRepository(AgreementVersion)
      .createQueryBuilder('v')
      .innerJoin(Agreement, 'a', 'a.id = v.agreement_id AND a.current_version = v.version')
      .innerJoin(MediationCase, 'c', 'c.id = a.case_id')
      .select([
        'v.id AS "versionId"',
        'a.id AS "agreementId"',
        'c.id AS "caseId"',
        'c.case_number AS "caseNumber"',
        'v.effective_at AS "effectiveAt"',
      ])
      .where("v.state = 'effective' AND v.effective_at > :from AND v.effective_at <= :to", {
        from,
        to,
      })
      // Once the parties have applied, the window no longer needs watching.
      .andWhere('a.confirmation_applied_on IS NULL')
      .orderBy('v.effective_at', 'ASC');
    applyCaseScope(query, scopeOf(user));
    const rows = await query.getRawMany<{
      agreementId: string;
      caseId: string;
      caseNumber: string;
      effectiveAt: string | Date;
    }>();
    return rows.map((r) => {
      const effectiveAt = new Date(
        r.effectiveAt instanceof Date
          ? r.effectiveAt
          : `${String(r.effectiveAt).replace(' ', 'T')}${/Z|\+/.test(String(r.effectiveAt)) ? '' : 'Z'}`,
      );
      const deadline = confirmationDeadline(effectiveAt);
      return {
        ...r,
        effectiveAt,
        confirmationDeadline: deadline,
        daysLeft: Math.ceil((deadline.getTime() - now.getTime()) / 86_400_000),
      };
    });
  }

  private buildContent(mediationCase: MediationCase, dto: AgreementDraftDto): AgreementContent {
    const overrides: Record<string, SupportedLanguage> = {};
    const extra: Record<string, SupportedLanguage[]> = {};
    const partyIds = new Set((mediationCase.parties ?? []).map((p) => p.id));
    const problems: ErrorDetail[] = [];
    (dto.partyLanguages ?? []).forEach((choice, i) => {
      if (!partyIds.has(choice.partyId))
        problems.push({
          field: `partyLanguages.${i}.partyId`,
          key: 'cases:validation.unknownParty',
          params: { field: `partyLanguages.${i}.partyId` },
        });
      overrides[choice.partyId] = choice.language as SupportedLanguage;
      if (choice.extraLanguage) extra[choice.partyId] = [choice.extraLanguage as SupportedLanguage];
    });
    const parties = snapshotParties(mediationCase.parties ?? [], overrides);
    const terms: AgreementTerm[] = dto.terms.map((term) =>
      term.kind === 'clause'
        ? { kind: 'clause', clause: term.clause ?? '', params: (term.params ?? {}) as JsonObject }
        : { kind: 'free', text: term.text! },
    );
    problems.push(...termProblems(dto.terms, parties));
    // "The Chinese text prevails" names the agreement's other languages.
    const otherLanguages = [
      ...new Set([...parties.map((p) => p.language), ...Object.values(extra).flat()]),
    ].filter((l) => l !== 'zh-CN');
    for (const term of terms) {
      if (
        term.kind === 'clause' &&
        term.clause === 'chinese_text_prevails' &&
        term.params.languages === undefined
      )
        term.params.languages = otherLanguages;
    }
    if (problems.length) throw new ValidationFailedError(problems);
    return {
      facts: dto.facts,
      mattersInDispute: dto.mattersInDispute,
      responsibilities: dto.responsibilities,
      terms,
      performance: dto.performance,
      copies: dto.copies,
      mediators: dto.mediators.map((m, i) => ({
        ref: `mediator:${i + 1}`,
        name: m.name,
        ...(m.mediatorId ? { mediatorId: m.mediatorId } : {}),
      })),
      parties,
      extraLanguages: extra,
      layout: dto.layout ?? 'paragraphs',
    };
  }

  private async findInScope(
    manager: EntityManager,
    agreementId: string,
    user: AuthenticatedUser,
  ): Promise<Agreement> {
    const query = manager
      .getRepository(Agreement)
      .createQueryBuilder('a')
      .innerJoin(MediationCase, 'c', 'c.id = a.case_id')
      .where('a.id = :agreementId', { agreementId });
    applyCaseScope(query, scopeOf(user));
    const agreement = await query.getOne();
    if (!agreement) throw agreementNotFound(agreementId);
    return agreement;
  }

  /**
   * Loads the agreement, its current version and its case, with the agreement row and then the
   * case row locked on PostgreSQL: the case row before the audit trail's head, as every other
   * writer of the case takes them, so the last signature (which moves the case on after its audit
   * entry) cannot deadlock with them.
   */
  private async lockCurrent(manager: EntityManager, agreementId: string, user: AuthenticatedUser) {
    const agreement = await this.findInScope(manager, agreementId, user);
    if (manager.connection.options.type === 'postgres') {
      await manager.query('SELECT id FROM agreement WHERE id = $1 FOR UPDATE', [agreementId]);
      await lockCase(manager, agreement.caseId);
    }
    const locked = await manager.getRepository(Agreement).findOneByOrFail({ id: agreementId });
    const version = await manager
      .getRepository(AgreementVersion)
      .findOneByOrFail({ agreementId, version: locked.currentVersion });
    const mediationCase = await this.cases.load(agreement.caseId, user, manager);
    return { agreement: locked, version, mediationCase };
  }
}
