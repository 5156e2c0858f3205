import { DomainError, ErrorDetail } from '../errors/domain-error';

/** Assignment's error codes; messages in locales/<lng>/mediators.json under `errors.`. */
export const panelPolicyViolated = (missing: string, details: ErrorDetail[]) =>
  new DomainError(
    'PANEL_POLICY_VIOLATED',
    'unprocessable',
    'mediators:errors.PANEL_POLICY_VIOLATED',
    { missing },
    details,
  );

export const mediatorNotEligible = (mediator: string, reasons: string, details: ErrorDetail[]) =>
  new DomainError(
    'MEDIATOR_NOT_ELIGIBLE',
    'unprocessable',
    'mediators:errors.MEDIATOR_NOT_ELIGIBLE',
    { mediator, reasons },
    details,
  );

export const panelNotAssignable = (state: string) =>
  new DomainError('PANEL_NOT_ASSIGNABLE', 'conflict', 'mediators:errors.PANEL_NOT_ASSIGNABLE', {
    state,
  });

export const notOnPanel = (mediatorId: string) =>
  new DomainError('NOT_ON_PANEL', 'unprocessable', 'mediators:errors.NOT_ON_PANEL', {
    mediatorId,
  });

export const withdrawalNotOwn = () =>
  new DomainError('WITHDRAWAL_NOT_OWN', 'forbidden', 'mediators:errors.WITHDRAWAL_NOT_OWN');
