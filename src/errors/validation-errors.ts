import { getMetadataStorage, ValidationError } from 'class-validator';
import { ErrorDetail, ValidationFailedError } from './domain-error';

/** Arguments a constraint was declared with (maxLength(200) → [200]), read from class-validator's metadata. */
function constraintArguments(
  target: object | undefined,
  property: string,
  constraint: string,
): unknown[] {
  if (!target) return [];
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === property && (m.name === constraint || m.type === constraint));
  // Numbers, strings and lists (isIn's allowed values) go into the message; functions and option
  // objects do not.
  return (metadata?.constraints ?? []).filter(
    (c) => typeof c !== 'function' && (typeof c !== 'object' || Array.isArray(c)),
  );
}

/** Flattens class-validator's tree into one detail per failing field (`parties.0.phone`). */
export function toErrorDetails(errors: ValidationError[], parentPath = ''): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const error of errors) {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    for (const constraint of Object.keys(error.constraints ?? {})) {
      const args = constraintArguments(error.target, error.property, constraint);
      const params: Record<string, unknown> = { field };
      args.forEach((arg, i) => (params[`arg${i}`] = Array.isArray(arg) ? arg.join(', ') : arg));
      const context = error.contexts?.[constraint];
      if (context && typeof context === 'object') Object.assign(params, context);
      // A module may name its own constraints `namespace:key` to keep their messages in its locale file.
      const key = constraint.includes(':') ? constraint : `validation:${constraint}`;
      details.push({ field, key, params });
    }
    if (error.children?.length) details.push(...toErrorDetails(error.children, field));
  }
  return details;
}

export function validationExceptionFactory(errors: ValidationError[]): ValidationFailedError {
  return new ValidationFailedError(toErrorDetails(errors));
}
