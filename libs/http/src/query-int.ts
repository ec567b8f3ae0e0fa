import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** An optional whole-number query parameter within bounds (query strings arrive as text). */
export const OptionalIntQuery = (
  min: number,
  max: number,
  fallback?: number,
  description?: string,
) =>
  applyDecorators(
    ApiPropertyOptional({ minimum: min, maximum: max, default: fallback, description }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(min),
    Max(max),
  );
