import { Param, ParseUUIDPipe } from '@nestjs/common';
import { invalidField } from '../../errors/domain-error';

/** A UUID path parameter; a malformed one is a 400 VALIDATION_FAILED naming the parameter. */
export const IdParam = (name = 'id') =>
  Param(
    name,
    new ParseUUIDPipe({ exceptionFactory: () => invalidField(name, 'validation:isUuid') }),
  );
