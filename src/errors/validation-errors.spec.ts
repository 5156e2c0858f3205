import { IsIn, MaxLength, validateSync } from 'class-validator';
import { toErrorDetails } from './validation-errors';

class Person {
  @IsIn(['male', 'female'])
  sex!: string;

  @MaxLength(5)
  name!: string;
}

describe('Validation details', () => {
  it('give a message the values a field may take and the bounds it was declared with', () => {
    const person = Object.assign(new Person(), { sex: 'x', name: 'too long' });
    const details = toErrorDetails(validateSync(person));
    expect(details).toEqual([
      { field: 'sex', key: 'validation:isIn', params: { field: 'sex', arg0: 'male, female' } },
      { field: 'name', key: 'validation:maxLength', params: { field: 'name', arg0: 5 } },
    ]);
  });
});
