import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { requiredLanguages } from '../agreements/agreement-content';
import { agreementNotFound } from '../agreements/agreement-errors';
import { partyNameIn, PartySnapshot } from '../agreements/agreement-parties';
import { Agreement, AgreementVersion } from '../agreements/agreement.entity';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CaseAttachment } from '../cases/case-attachment.entity';
import { partyNotFound } from '../cases/case-errors';
import { CaseQueries } from '../cases/case-queries.service';
import { MediationCase } from '../cases/mediation-case.entity';
import { I18nService } from '../i18n/i18n.service';
import { SupportedLanguage } from '../i18n/languages';
import { FollowUpVisit } from '../sessions/follow-up-visit.entity';
import { MediationSession } from '../sessions/mediation-session.entity';
import { SessionOutcome } from '../sessions/session-outcome.entity';
import { loadSession } from '../sessions/session-scheduler.service';
import { localDate } from '../sessions/session-time';
import { agreementBlocks, Block, Translate } from './agreement-pdf';
import { DocBlock, DocumentFrame, eachLanguage, renderDocument } from './bilingual-document';
import {
  Committee,
  committeeOf,
  fileLanguages,
  loadSessionData,
  mediatorName,
  panelMediators,
  partiesOf,
  SessionData,
  sessionRecordInput,
} from './case-document-sources';
import {
  attachmentListBlocks,
  custodyPeriodOf,
  followUpBlocks,
  registrationBlocks,
} from './case-file-content';
import { CaseFileSection, renderCaseFile } from './case-file-pdf';
import { confirmationApplicationBlocks } from './confirmation-application-content';
import { noEffectiveAgreement, noTermination, sessionNotHeld } from './document-errors';
import { DOCUMENT_TIME_ZONE } from './document-text';
import { rightsNoticeBlocks } from './rights-notice-pdf';
import { sessionRecordBlocks } from './session-record-content';
import { terminationNoticeBlocks } from './termination-notice-content';

export interface RenderedDocument {
  bytes: Buffer;
  filename: string;
}

const latest = (...dates: (Date | null | undefined)[]): Date =>
  new Date(Math.max(...dates.filter((d): d is Date => !!d).map((d) => d.getTime())));

/**
 * The case's printable documents besides the agreement copy and the rights notice: session
 * records, the termination notice, the application for judicial confirmation, and the whole case
 * file. Each party-facing document is one copy per party, in Chinese and that party's language.
 */
@Injectable()
export class CaseDocuments {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseQueries,
    private readonly i18n: I18nService,
  ) {}

  private readonly t: Translate = (key, params, language) =>
    this.i18n.translate(key, params, language);

  private get manager(): EntityManager {
    return this.dataSource.manager;
  }

  private async open(caseId: string, user: AuthenticatedUser) {
    const found = await this.cases.load(caseId, user);
    const committee = await committeeOf(this.manager, found.station!);
    return { found, committee, parties: partiesOf(found) };
  }

  private partyOf(parties: PartySnapshot[], partyId: string): PartySnapshot {
    const party = parties.find((p) => p.id === partyId);
    if (!party) throw partyNotFound(partyId);
    return party;
  }

  private frame(
    committee: Committee,
    found: MediationCase,
    languages: SupportedLanguage[],
    documentDate: Date,
    pdfA = false,
  ): DocumentFrame {
    return { committee, caseNumber: found.caseNumber, languages, documentDate, pdfA };
  }

  private title(key: string, languages: SupportedLanguage[]): string {
    return languages.map((l) => this.t(`documents:${key}`, {}, l)).join(' / ');
  }

  private async heldSession(caseId: string, sessionId: string): Promise<SessionData> {
    const session = await loadSession(this.manager, caseId, sessionId);
    const data = await loadSessionData(this.manager, session);
    if (session.status === 'cancelled' || !data.entries.length)
      throw sessionNotHeld(session.number);
    return data;
  }

  /** What a record's date is: when it was signed, else when it last changed. */
  private recordDate(data: SessionData): Date {
    return (
      data.session.signedAt ??
      latest(...data.entries.flatMap((e) => [e.createdAt, e.editedAt]), data.session.startsAt)
    );
  }

  async sessionRecord(
    caseId: string,
    sessionId: string,
    partyId: string,
    language: SupportedLanguage | undefined,
    user: AuthenticatedUser,
  ): Promise<RenderedDocument> {
    const { found, committee, parties } = await this.open(caseId, user);
    const party = this.partyOf(parties, partyId);
    const data = await this.heldSession(caseId, sessionId);
    const languages = [...new Set<SupportedLanguage>(['zh-CN', language ?? party.language])];
    const input = await sessionRecordInput(
      this.manager,
      data,
      { committee, caseNumber: found.caseNumber, parties },
      languages,
    );
    const bytes = await renderDocument(
      this.frame(committee, found, languages, this.recordDate(data)),
      this.title('record.title', languages),
      sessionRecordBlocks(input, this.t),
      this.t,
    );
    return {
      bytes,
      filename: `session-record-${data.session.number}-${party.position}-${languages.join('-')}.pdf`,
    };
  }

  private async termination(caseId: string, sessionId: string) {
    const session = await loadSession(this.manager, caseId, sessionId);
    const outcome = await this.manager
      .getRepository(SessionOutcome)
      .findOne({ where: { sessionId: session.id } });
    if (outcome?.kind !== 'terminated') throw noTermination();
    return { session, outcome };
  }

  private terminationBlocks(
    found: MediationCase,
    committee: Committee,
    addressees: PartySnapshot[],
    session: MediationSession,
    outcome: SessionOutcome,
    languages: SupportedLanguage[],
  ): DocBlock[] {
    return terminationNoticeBlocks(
      {
        committee,
        caseNumber: found.caseNumber,
        disputeType: found.disputeType,
        addressees: addressees.map((p) => ({
          name: (l: SupportedLanguage) => partyNameIn(p, l),
          role: p.role,
        })),
        terminatedOn: localDate(outcome.recordedAt, DOCUMENT_TIME_ZONE),
        explainedOn: localDate(session.startsAt, session.timeZone),
        reason: outcome.details.reason ?? null,
        routesExplained: outcome.details.routesExplained ?? [],
        languages,
      },
      this.t,
    );
  }

  async terminationNotice(
    caseId: string,
    sessionId: string,
    partyId: string,
    language: SupportedLanguage | undefined,
    user: AuthenticatedUser,
  ): Promise<RenderedDocument> {
    const { found, committee, parties } = await this.open(caseId, user);
    const party = this.partyOf(parties, partyId);
    const { session, outcome } = await this.termination(caseId, sessionId);
    const languages = [...new Set<SupportedLanguage>(['zh-CN', language ?? party.language])];
    const bytes = await renderDocument(
      this.frame(committee, found, languages, outcome.recordedAt),
      this.title('termination.title', languages),
      this.terminationBlocks(found, committee, [party], session, outcome, languages),
      this.t,
    );
    return {
      bytes,
      filename: `termination-notice-${party.position}-${languages.join('-')}.pdf`,
    };
  }

  private async effectiveVersion(caseId: string, agreementId: string) {
    const agreement = await this.manager
      .getRepository(Agreement)
      .findOne({ where: { id: agreementId, caseId } });
    if (!agreement) throw agreementNotFound(agreementId);
    const version = await this.manager
      .getRepository(AgreementVersion)
      .findOne({ where: { agreementId, state: 'effective' }, order: { version: 'DESC' } });
    if (!version?.effectiveAt || !version.verificationCode) throw noEffectiveAgreement();
    return version;
  }

  async confirmationApplication(
    caseId: string,
    agreementId: string,
    partyId: string,
    language: SupportedLanguage | undefined,
    user: AuthenticatedUser,
  ): Promise<RenderedDocument> {
    const { found, committee } = await this.open(caseId, user);
    const version = await this.effectiveVersion(caseId, agreementId);
    const party = this.partyOf(version.content.parties, partyId);
    const languages = [...new Set<SupportedLanguage>(['zh-CN', language ?? party.language])];
    const blocks = confirmationApplicationBlocks(
      {
        committee,
        countyCode: committee.countyCode,
        caseNumber: found.caseNumber,
        version: version.version,
        verificationCode: version.verificationCode!,
        reachedOn: localDate(version.issuedAt ?? version.createdAt, DOCUMENT_TIME_ZONE),
        effectiveAt: version.effectiveAt!,
        parties: version.content.parties,
        languages,
      },
      this.t,
    );
    const bytes = await renderDocument(
      this.frame(committee, found, languages, version.effectiveAt!),
      this.title('confirmation.title', languages),
      blocks,
      this.t,
    );
    return {
      bytes,
      filename: `judicial-confirmation-${version.version}-${party.position}-${languages.join('-')}.pdf`,
    };
  }

  /** Which documents the case has now, with where to fetch each. */
  async available(caseId: string, user: AuthenticatedUser) {
    const { found, parties } = await this.open(caseId, user);
    const base = `/api/v1/cases/${caseId}/documents`;
    const sessions = await this.manager
      .getRepository(MediationSession)
      .find({ where: { caseId }, order: { number: 'ASC' } });
    const outcomes = await this.manager.getRepository(SessionOutcome).find({ where: { caseId } });
    const held = [];
    for (const s of sessions) {
      if (s.status === 'cancelled') continue;
      const data = await loadSessionData(this.manager, s);
      if (data.entries.length) held.push(s);
    }
    const agreements = await this.manager.getRepository(Agreement).find({ where: { caseId } });
    const effective = agreements.length
      ? await this.manager.getRepository(AgreementVersion).find({
          where: { agreementId: In(agreements.map((a) => a.id)), state: 'effective' },
        })
      : [];
    const perParty = (path: string) =>
      parties.map((p) => ({ partyId: p.id, language: p.language, url: `${path}/${p.id}.pdf` }));
    return {
      caseId: found.id,
      caseFile: `${base}/case-file.pdf`,
      caseFileCover: `${base}/case-file-cover.pdf`,
      rightsNotices: parties.map((p) => ({
        partyId: p.id,
        url: `/api/v1/cases/${caseId}/parties/${p.id}/rights-notice.pdf`,
      })),
      sessionRecords: held.map((s) => ({
        sessionId: s.id,
        number: s.number,
        copies: perParty(`${base}/session-records/${s.id}`),
      })),
      terminationNotices: outcomes
        .filter((o) => o.kind === 'terminated')
        .map((o) => ({
          sessionId: o.sessionId,
          copies: perParty(`${base}/termination-notices/${o.sessionId}`),
        })),
      judicialConfirmation: effective.map((v) => ({
        agreementId: v.agreementId,
        version: v.version,
        copies: perParty(`${base}/judicial-confirmation/${v.agreementId}`),
      })),
    };
  }

  async caseFile(
    caseId: string,
    options: { archive: boolean; coverOnly: boolean },
    user: AuthenticatedUser,
  ): Promise<RenderedDocument & { startPages: number[] }> {
    const { found, committee, parties } = await this.open(caseId, user);
    const languages = fileLanguages(parties);
    const m = this.manager;
    const t = this.t;
    const dates: (Date | null | undefined)[] = [found.updatedAt];
    const title = (key: string, langs: SupportedLanguage[]): Block['texts'] =>
      eachLanguage(langs, (l) => t(`documents:${key}`, {}, l));
    const china = (d: Date) => localDate(d, DOCUMENT_TIME_ZONE);
    const sections: CaseFileSection[] = [];

    sections.push({
      title: title('caseFile.registration', languages),
      date: found.receivedOn,
      languages,
      blocks: registrationBlocks(
        {
          caseNumber: found.caseNumber,
          receivedOn: found.receivedOn,
          source: found.source,
          disputeType: found.disputeType,
          amount:
            found.amountMinor !== null && found.currency
              ? { minor: found.amountMinor, currency: found.currency }
              : null,
          parties,
          persons: Object.fromEntries(
            (found.parties ?? [])
              .filter((p) => p.person)
              .map((p) => [
                p.id,
                {
                  sex: p.person!.sex,
                  birthYear: p.person!.birthYear,
                  occupation: p.person!.occupation,
                  ethnicGroup: p.person!.ethnicGroup,
                },
              ]),
          ),
          account: found.account,
          requests: found.requests,
          languages,
        },
        t,
      ),
    });

    for (const party of found.parties ?? []) {
      if (!party.rightsNoticeAt) continue;
      const snapshot = parties.find((p) => p.id === party.id)!;
      const notice = (party.rightsNoticeLanguage ?? snapshot.language) as SupportedLanguage;
      const langs = [...new Set<SupportedLanguage>(['zh-CN', notice])];
      dates.push(party.rightsNoticeAt);
      sections.push({
        title: title('notice.title', langs),
        date: china(party.rightsNoticeAt),
        languages: langs,
        blocks: [
          ...rightsNoticeBlocks(
            {
              committee,
              caseNumber: found.caseNumber,
              party: { name: (l) => partyNameIn(snapshot, l), role: party.role },
              languages: langs,
              documentDate: party.rightsNoticeAt,
            },
            t,
          ),
          {
            kind: 'signatures',
            boxes: [
              langs.flatMap((l) => [
                {
                  text: t(
                    'documents:agreement.signParty',
                    { role: t(`documents:role.${party.role}`, {}, l) },
                    l,
                  ),
                  language: l,
                },
                { text: partyNameIn(snapshot, l), language: l, small: true },
              ]),
            ],
          },
        ],
      });
    }

    const sessions = await m
      .getRepository(MediationSession)
      .find({ where: { caseId }, order: { number: 'ASC' } });
    let termination: { session: MediationSession; outcome: SessionOutcome } | null = null;
    for (const session of sessions) {
      if (session.status === 'cancelled') continue;
      const data = await loadSessionData(m, session);
      if (!data.entries.length) continue;
      dates.push(this.recordDate(data), data.outcome?.recordedAt);
      const input = await sessionRecordInput(
        m,
        data,
        { committee, caseNumber: found.caseNumber, parties },
        languages,
      );
      sections.push({
        title: eachLanguage(
          languages,
          (l) =>
            `${t('documents:record.title', {}, l)}${l === 'zh-CN' ? '（' : ' ('}${t('documents:record.session', { number: session.number }, l)}${l === 'zh-CN' ? '）' : ')'}`,
        ),
        date: localDate(session.startsAt, session.timeZone),
        languages,
        blocks: sessionRecordBlocks(input, t),
      });
      if (data.outcome?.kind === 'terminated') termination = { session, outcome: data.outcome };
    }

    const agreements = await m
      .getRepository(Agreement)
      .find({ where: { caseId }, order: { createdAt: 'ASC', id: 'ASC' } });
    let written = false;
    for (const agreement of agreements) {
      const version = await m.getRepository(AgreementVersion).findOne({
        where: { agreementId: agreement.id, state: In(['issued', 'effective']) },
        order: { version: 'DESC' },
      });
      if (!version) continue;
      written = true;
      dates.push(version.issuedAt, version.effectiveAt);
      const langs = requiredLanguages(version.content);
      const copy = {
        committee,
        caseNumber: found.caseNumber,
        version: version.version,
        issued: true,
        documentDate: version.issuedAt ?? version.createdAt,
        verificationCode: version.verificationCode,
        contentHash: version.contentHash,
        verifyUrl: null,
        content: version.content,
        languages: langs,
        pdfA: false,
      };
      const sign = (label: (l: SupportedLanguage) => string) =>
        langs.map((l) => ({ text: label(l), language: l }));
      sections.push({
        title: title('agreement.title', langs),
        date: china(version.issuedAt ?? version.createdAt),
        languages: langs,
        blocks: [
          ...agreementBlocks(copy, t),
          {
            kind: 'signatures',
            boxes: [
              ...version.content.parties.map((p) =>
                sign(
                  (l) =>
                    `${t('documents:agreement.signParty', { role: t(`documents:role.${p.role}`, {}, l) }, l)} ${partyNameIn(p, l)}`,
                ),
              ),
              ...version.content.mediators.map((md) =>
                sign((l) => `${t('documents:agreement.signMediator', {}, l)} ${md.name}`),
              ),
              sign((l) => t('documents:agreement.signCommittee', {}, l)),
            ],
          },
        ],
      });
    }

    if (termination) {
      const { session, outcome } = termination;
      sections.push({
        title: title('termination.title', languages),
        date: china(outcome.recordedAt),
        languages,
        blocks: this.terminationBlocks(found, committee, parties, session, outcome, languages),
      });
    }

    const visits = await m
      .getRepository(FollowUpVisit)
      .find({ where: { caseId }, order: { visitedOn: 'ASC', recordedAt: 'ASC' } });
    if (visits.length) {
      dates.push(...visits.map((v) => v.recordedAt));
      sections.push({
        title: title('caseFile.followUp', languages),
        date: visits[visits.length - 1].visitedOn,
        languages,
        blocks: followUpBlocks(
          visits.map((v) => ({
            visitedOn: v.visitedOn,
            visitedBy: v.visitedBy.name,
            performance: v.performance,
            satisfaction: v.satisfaction.map((s) => ({
              party: parties.find((p) => p.id === s.partyId),
              level: s.level,
            })),
            wentToCourt: v.wentToCourt,
            notes: v.notes,
          })),
          languages,
          t,
        ),
      });
    }

    const attachments = await m
      .getRepository(CaseAttachment)
      .find({ where: { caseId }, order: { uploadedAt: 'ASC', id: 'ASC' } });
    dates.push(...attachments.map((a) => a.uploadedAt));
    sections.push({
      title: title('caseFile.attachments', languages),
      date: attachments.length
        ? china(attachments[attachments.length - 1].uploadedAt)
        : found.receivedOn,
      languages,
      blocks: attachmentListBlocks(
        attachments.map((a) => ({
          filename: a.filename,
          kind: a.kind,
          uploadedOn: china(a.uploadedAt),
          sizeBytes: a.sizeBytes,
          sha256: a.sha256,
        })),
        languages,
        t,
      ),
    });

    const mediators = await panelMediators(m, caseId);
    const file = {
      ...this.frame(committee, found, languages, latest(...dates), options.archive),
      cover: {
        committee,
        caseNumber: found.caseNumber,
        parties,
        disputeType: found.disputeType,
        receivedOn: found.receivedOn,
        closedOn: found.closedAt ? china(found.closedAt) : null,
        state: found.state,
        mediators: mediators.map((md) => mediatorName(md, 'zh-CN')),
        custody: custodyPeriodOf(written),
        languages,
      },
      sections,
    };
    let rendered = await renderCaseFile(file, t);
    if (options.coverOnly)
      rendered = await renderCaseFile(file, t, {
        coverAndIndexOnly: { startPages: rendered.startPages, pageCount: rendered.pageCount },
      });
    return {
      bytes: rendered.pdf,
      startPages: rendered.startPages,
      filename: `case-file-${options.coverOnly ? 'cover-' : ''}${found.id}.pdf`,
    };
  }
}
