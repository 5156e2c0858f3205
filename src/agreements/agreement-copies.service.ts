import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CaseQueries } from '../cases/case-queries.service';
import { partyNotFound } from '../cases/case-errors';
import { ENVIRONMENT, Environment } from '../config/environment';
import { renderAgreementCopy } from '../documents/agreement-pdf';
import { I18nService } from '../i18n/i18n.service';
import { SupportedLanguage } from '../i18n/languages';
import { Station } from '../stations/station.entity';
import { Agreement, AgreementVersion } from './agreement.entity';
import { agreementNotFound } from './agreement-errors';

/** Assembles a party's copy of the current version and renders it. */
@Injectable()
export class AgreementCopies {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseQueries,
    private readonly i18n: I18nService,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  async partyCopy(
    agreementId: string,
    partyId: string,
    options: { extraLanguage?: string; archive: boolean },
    user: AuthenticatedUser,
  ) {
    const agreement = await this.dataSource
      .getRepository(Agreement)
      .findOne({ where: { id: agreementId } });
    if (!agreement) throw agreementNotFound(agreementId);
    const mediationCase = await this.cases.load(agreement.caseId, user); // scope check
    const version = await this.dataSource
      .getRepository(AgreementVersion)
      .findOneByOrFail({ agreementId, version: agreement.currentVersion });
    const party = version.content.parties.find((p) => p.id === partyId);
    if (!party) throw partyNotFound(partyId);
    const station = mediationCase.station!;
    // The committee that signs: the station's parent committee, or the station itself when it is one.
    const committee = station.parentId
      ? await this.dataSource.getRepository(Station).findOneByOrFail({ id: station.parentId })
      : station;
    const languages = [
      ...new Set<SupportedLanguage>([
        'zh-CN',
        party.language,
        ...(version.content.extraLanguages[party.id] ?? []),
        ...(options.extraLanguage ? [options.extraLanguage as SupportedLanguage] : []),
      ]),
    ];
    const issued = version.state !== 'draft' && !!version.verificationCode;
    const bytes = await renderAgreementCopy(
      {
        committee: { nameZh: committee.nameZh, nameEn: committee.nameEn },
        caseNumber: mediationCase.caseNumber,
        version: version.version,
        issued,
        documentDate: version.issuedAt ?? version.createdAt,
        verificationCode: version.verificationCode,
        contentHash: version.contentHash,
        verifyUrl: issued
          ? `${this.env.PUBLIC_URL.replace(/\/$/, '')}/api/v1/verify/${version.verificationCode}`
          : null,
        content: version.content,
        languages,
        pdfA: options.archive,
      },
      (key, params, language) => this.i18n.translate(key, params, language),
    );
    return {
      bytes,
      filename: `agreement-${version.version}-${party.position}-${languages.join('-')}.pdf`,
    };
  }
}
