import { ValidationError, ValidationPipe } from '@nestjs/common';
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

/**
 * The one validation pipe for every route: unknown fields are rejected (not stripped),
 * plain JSON is turned into DTO instances, and failures become a 422 problem listing each field.
 */
export function createValidationPipe() {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => Problems.validation(flatten(errors)),
  });
}
