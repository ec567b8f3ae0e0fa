import type { OrganisationView } from './organisation.dto';
import { ApiProperty } from '@nestjs/swagger';
import { ORGANISATION_KINDS, type OrganisationKind } from '@werkbrug/domain';

/*
 * Response classes for the OpenAPI document (every 2xx has a schema; test/openapi-responses.e2e-spec.ts).
 * Generated from the return types of organisations.controller.ts, then reviewed; keep them in step with the views.
 */

export class OrganisationResponse implements OrganisationView {
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) kind!: OrganisationKind;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: String }) region!: string;
  @ApiProperty({ type: String }) contactName!: string;
  @ApiProperty({ type: String }) contactEmail!: string;
  @ApiProperty({ type: String }) contactPhone!: string;
  @ApiProperty({ type: String }) createdAt!: string;
  @ApiProperty({ type: String }) updatedAt!: string;
  @ApiProperty({ type: Number }) version!: number;
}

export class OrganisationPageResponse {
  @ApiProperty({ type: OrganisationResponse, isArray: true }) items!: OrganisationResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty({ type: Number }) limit!: number;
}
