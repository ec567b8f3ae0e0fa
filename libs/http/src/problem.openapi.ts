import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  ApiSchema,
  getSchemaPath,
} from '@nestjs/swagger';
import { PROBLEM_CODES } from './problem-codes';
import { PROBLEM_CONTENT_TYPE } from './problem';

@ApiSchema({ name: 'FieldError' })
export class FieldErrorSchema {
  @ApiProperty({ example: 'email' }) field!: string;
  @ApiProperty({ example: 'email must be an email' }) message!: string;
}

/** The RFC 9457 problem document every error answer carries (see problem.ts, problem.filter.ts). */
@ApiSchema({
  name: 'Problem',
  description:
    'RFC 9457 problem details, sent as application/problem+json. Switch on `code` (or `type`), never on the text; codes may carry extension fields (for example `currentVersion`, `retryAfterSeconds`).',
})
export class ProblemSchema {
  @ApiProperty({ example: 'urn:werkbrug:problem:not-found' }) type!: string;
  @ApiProperty({ example: 'Not found' }) title!: string;
  @ApiProperty({ example: 404 }) status!: number;
  @ApiProperty({ enum: PROBLEM_CODES, enumName: 'ProblemCode', example: 'NOT_FOUND' })
  code!: string;
  @ApiPropertyOptional() detail?: string;
  @ApiPropertyOptional({ description: 'The request path' }) instance?: string;
  @ApiPropertyOptional({ type: FieldErrorSchema, isArray: true, description: 'VALIDATION_FAILED' })
  errors?: FieldErrorSchema[];
}

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Bad request: malformed JSON or an unreadable parameter',
  401: 'Authentication required: no valid bearer token',
  403: 'Forbidden: your role may not do this, or the record is not yours',
  404: 'Not found, or not visible to you',
  409: 'Conflict: a stale version, a duplicate, or a state that does not allow this',
  413: 'Request body too large',
  415: 'Unsupported media type: send application/json',
  422: 'Validation failed: `errors` lists each field',
  428: 'A version is required: send If-Match',
  429: 'Too many requests: see Retry-After',
  503: 'Service unavailable: see Retry-After',
};

/**
 * Documents error answers of an operation (or of every operation of a controller) as the shared
 * `Problem` schema in application/problem+json, e.g. `@ApiProblemResponses(404, 409)`.
 */
export function ApiProblemResponses(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(ProblemSchema),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: PROBLEM_DESCRIPTIONS[status] ?? 'Problem',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemSchema) } } },
      }),
    ),
  );
}
