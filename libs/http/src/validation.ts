import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { inspectInput } from './input-guard';
import { FieldError, Problems } from './problem';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      message: rule === 'whitelistValidation' ? `unknown field "${error.property}"` : message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** At most this many field errors in one answer: 40,000 unknown keys must not make a 2 MB error. */
export const MAX_FIELD_ERRORS = 50;

export function boundedValidationProblem(errors: FieldError[]) {
  if (errors.length <= MAX_FIELD_ERRORS) return Problems.validation(errors);
  return Problems.validation(
    errors.slice(0, MAX_FIELD_ERRORS),
    `${errors.length} fields are invalid; the first ${MAX_FIELD_ERRORS} are listed.`,
  );
}

/**
 * The one validation pipe for every route: unknown fields are rejected (not stripped),
 * plain JSON is turned into DTO instances, and failures become a 422 problem listing each field.
 */
class WerkbrugValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata) {
    const isDto =
      typeof metadata.metatype === 'function' &&
      ![String, Number, Boolean, Array, Object].includes(metadata.metatype as never);
    if (isDto && (metadata.type === 'body' || metadata.type === 'query')) {
      if (
        metadata.type === 'body' &&
        (typeof value !== 'object' || value === null || Array.isArray(value))
      ) {
        throw Problems.validation([{ field: 'body', message: 'the body must be a JSON object' }]);
      }
      // Query strings keep their own path names; the body is reported from its root.
      const problem = inspectInput(value);
      if (problem) throw Problems.validation([problem]);
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

/** The API's rules for a DTO (unknown fields refused, nothing converted implicitly); the pages use the same. */
export const DTO_VALIDATION = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
} as const;
export const DTO_TRANSFORM = { enableImplicitConversion: false } as const;

export function createValidationPipe() {
  return new WerkbrugValidationPipe({
    ...DTO_VALIDATION,
    transform: true,
    transformOptions: DTO_TRANSFORM,
    exceptionFactory: (errors) => boundedValidationProblem(flatten(errors)),
  });
}
