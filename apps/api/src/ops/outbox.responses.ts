import { ApiProperty } from '@nestjs/swagger';

/*
 * Response classes for the OpenAPI document (every 2xx has a schema; test/openapi-responses.e2e-spec.ts).
 * Generated from the return types of outbox.controller.ts, then reviewed; keep them in step with the views.
 */

export class OutboxMessagesStatsResponse {
  @ApiProperty({ type: Number }) pending!: number;
  @ApiProperty({ type: Number }) processing!: number;
  @ApiProperty({ type: Number }) retrying!: number;
  @ApiProperty({ type: Number }) dead!: number;
  @ApiProperty({ type: Number }) done!: number;
  @ApiProperty({ type: String, nullable: true }) oldestPendingAt!: string | null;
}

export class OutboxMessagesItemResponse {
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ type: String }) topic!: string;
  @ApiProperty({ type: String, nullable: true }) aggregateType!: string | null;
  @ApiProperty({ type: String, nullable: true }) aggregateId!: string | null;
  @ApiProperty({ type: String }) status!: string;
  @ApiProperty({ type: Number }) attempts!: number;
  @ApiProperty({ type: String }) nextAttemptAt!: string;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String }) createdAt!: string;
}

export class OutboxMessagesResponse {
  @ApiProperty({ type: OutboxMessagesStatsResponse }) stats!: OutboxMessagesStatsResponse;
  @ApiProperty({ type: OutboxMessagesItemResponse, isArray: true })
  items!: OutboxMessagesItemResponse[];
}

export class OutboxRetryResponse {
  @ApiProperty({ type: Number }) requeued!: number;
}
