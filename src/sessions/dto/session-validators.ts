import { ValidateBy, ValidationOptions } from 'class-validator';
import { isSessionDateTime, isTimeZone } from '../session-time';

/** Validators of the sessions module; the constraint name is the i18n key of the message. */
export const IsTimeZone = (options?: ValidationOptions) =>
  ValidateBy(
    { name: 'sessions:validation.isTimeZone', validator: { validate: (v) => isTimeZone(v) } },
    options,
  );

export const IsSessionDateTime = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'sessions:validation.isSessionDateTime',
      validator: { validate: (v) => isSessionDateTime(v) },
    },
    options,
  );
