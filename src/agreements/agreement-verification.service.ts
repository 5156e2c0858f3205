import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MediationCase } from '../cases/mediation-case.entity';
import { DomainError, invalidField } from '../errors/domain-error';
import { confirmationDeadline, contentHashOf } from './agreement-content';
import { Agreement, AgreementVersion } from './agreement.entity';

/**
 * Answers "is this paper a genuine agreement of ours?" from the code printed on every page: the
 * stored content is hashed again and compared with the hash frozen at issue, so a stored agreement
 * that was altered afterwards fails. Nothing personal is revealed: roles and initials only.
 */
@Injectable()
export class AgreementVerification {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async verify(code: string) {
    if (!/^[A-Za-z0-9]{6,16}$/.test(code)) throw invalidField('code', 'validation:matches');
    const version = await this.dataSource
      .getRepository(AgreementVersion)
      .findOne({ where: { verificationCode: code.toUpperCase() } });
    if (!version)
      throw new DomainError(
        'VERIFICATION_CODE_UNKNOWN',
        'not-found',
        'agreements:errors.VERIFICATION_CODE_UNKNOWN',
        { code },
      );
    const agreement = await this.dataSource
      .getRepository(Agreement)
      .findOneByOrFail({ id: version.agreementId });
    const mediationCase = await this.dataSource
      .getRepository(MediationCase)
      .findOneByOrFail({ id: agreement.caseId });
    const recomputed = contentHashOf({
      caseNumber: mediationCase.caseNumber,
      version: version.version,
      content: version.content,
    });
    const intact = recomputed === version.contentHash;
    return {
      valid: intact && version.state !== 'superseded',
      intact,
      state: version.state,
      caseNumber: mediationCase.caseNumber,
      version: version.version,
      latestVersion: agreement.currentVersion,
      contentHash: version.contentHash,
      issuedAt: version.issuedAt,
      effectiveAt: version.effectiveAt,
      confirmationDeadline: version.effectiveAt ? confirmationDeadline(version.effectiveAt) : null,
      parties: version.content.parties.map((p) => ({
        role: p.role,
        kind: p.kind,
        initial: `${[...p.nameOriginal][0] ?? ''}…`,
      })),
    };
  }
}
