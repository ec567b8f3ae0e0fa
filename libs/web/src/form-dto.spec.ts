import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';
import { FormErrors } from './form-errors';
import { GENERIC_FIELD_MESSAGE, validateAsDto, type DtoFieldWords } from './form-dto';

class PlaceDto {
  @IsString() postcode!: string;
}
class HoursDto {
  @IsInt() @Min(1) @Max(40) hours!: number;
  @IsOptional() @IsString() note?: string;
  @ValidateNested() @Type(() => PlaceDto) place!: PlaceDto;
}

const WORDS: DtoFieldWords = {
  hours: { field: 'uren', message: 'Vul een aantal uren in van 1 tot 40' },
  'place.*': { field: 'postcode', message: 'Vul een postcode in, zoals 3441 AB' },
};

describe('validateAsDto', () => {
  const cases: {
    name: string;
    input: Record<string, unknown>;
    fields: Record<string, string> | null;
  }[] = [
    { name: 'valid input', input: { hours: 12, place: { postcode: '3441 AB' } }, fields: null },
    {
      name: 'a value out of range, in the form’s own words',
      input: { hours: 50, place: { postcode: '3441 AB' } },
      fields: { uren: 'Vul een aantal uren in van 1 tot 40' },
    },
    {
      name: 'a nested error through a branch key',
      input: { hours: 4, place: { postcode: 12 } },
      fields: { postcode: 'Vul een postcode in, zoals 3441 AB' },
    },
    {
      name: 'a property without words gets the generic Dutch message at the fallback field',
      input: { hours: 4, note: 5, place: { postcode: 'x' } },
      fields: { algemeen: GENERIC_FIELD_MESSAGE },
    },
    {
      name: 'an unknown property is refused, as by the API',
      input: { hours: 4, place: { postcode: 'x' }, admin: true },
      fields: { algemeen: GENERIC_FIELD_MESSAGE },
    },
  ];
  it.each(cases)('$name', async ({ input, fields }) => {
    const errors = new FormErrors();
    const dto = await validateAsDto(HoursDto, input, WORDS, errors, 'algemeen');
    expect(errors.toView()?.fields ?? null).toEqual(fields);
    if (fields) expect(dto).toBeNull();
    else expect(dto).toBeInstanceOf(HoursDto);
  });
});
