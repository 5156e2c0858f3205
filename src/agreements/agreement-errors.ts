import { DomainError, ErrorDetail } from '../errors/domain-error';

/** The agreements module's error codes; messages in locales/<lng>/agreements.json under `errors.`. */
export const agreementNotFound = (id: string) =>
  new DomainError('AGREEMENT_NOT_FOUND', 'not-found', 'agreements:errors.AGREEMENT_NOT_FOUND', {
    id,
  });

export const agreementExists = (agreementId: string) =>
  new DomainError('AGREEMENT_EXISTS', 'conflict', 'agreements:errors.AGREEMENT_EXISTS', {
    agreementId,
  });

export const caseNotMediating = (state: string) =>
  new DomainError('CASE_NOT_MEDIATING', 'conflict', 'agreements:errors.CASE_NOT_MEDIATING', {
    state,
  });

export const versionNotDraft = (state: string) =>
  new DomainError('VERSION_NOT_DRAFT', 'conflict', 'agreements:errors.VERSION_NOT_DRAFT', {
    state,
  });

export const versionNotIssued = (state: string) =>
  new DomainError('VERSION_NOT_ISSUED', 'conflict', 'agreements:errors.VERSION_NOT_ISSUED', {
    state,
  });

export const agreementInEffect = () =>
  new DomainError('AGREEMENT_IN_EFFECT', 'conflict', 'agreements:errors.AGREEMENT_IN_EFFECT');

export const translationsMissing = (details: ErrorDetail[]) =>
  new DomainError(
    'TRANSLATIONS_MISSING',
    'unprocessable',
    'agreements:errors.TRANSLATIONS_MISSING',
    { count: details.length },
    details,
  );

export const unrenderableCharacters = (details: ErrorDetail[]) =>
  new DomainError(
    'UNRENDERABLE_CHARACTER',
    'unprocessable',
    'agreements:errors.UNRENDERABLE_CHARACTER',
    { count: details.length },
    details,
  );

export const signerNotExpected = (signerRef: string) =>
  new DomainError('SIGNER_NOT_EXPECTED', 'unprocessable', 'agreements:errors.SIGNER_NOT_EXPECTED', {
    signerRef,
  });

export const alreadySigned = (signerRef: string) =>
  new DomainError('ALREADY_SIGNED', 'conflict', 'agreements:errors.ALREADY_SIGNED', { signerRef });

export const agreementNotEffective = (state: string) =>
  new DomainError(
    'AGREEMENT_NOT_EFFECTIVE',
    'conflict',
    'agreements:errors.AGREEMENT_NOT_EFFECTIVE',
    { state },
  );

export const confirmationAlreadyApplied = (appliedOn: string) =>
  new DomainError(
    'CONFIRMATION_ALREADY_APPLIED',
    'conflict',
    'agreements:errors.CONFIRMATION_ALREADY_APPLIED',
    { appliedOn },
  );

export const confirmationOutsideWindow = (appliedOn: string, first: string, last: string) =>
  new DomainError(
    'CONFIRMATION_OUTSIDE_WINDOW',
    'unprocessable',
    'agreements:errors.CONFIRMATION_OUTSIDE_WINDOW',
    { appliedOn, first, last },
  );
