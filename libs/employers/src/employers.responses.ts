import type { EmployerView } from './employer.dto';
import { ApiProperty } from '@nestjs/swagger';
import { LocationResponse } from '@werkbrug/domain';
import { SBI_VERSIONS, type SbiVersion } from './employer.entity';

/*
 * Response classes for the OpenAPI document (every 2xx has a schema; test/openapi-responses.e2e-spec.ts).
 * Generated from the return types of employers.controller.ts, then reviewed; keep them in step with the views.
 */

export class EmployerLocationResponse extends LocationResponse {
  @ApiProperty({ type: String }) id!: string;
}

export class EmployerResponse implements EmployerView {
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ type: String }) organisationId!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the organisation whose werkmakelaars edit this employer',
  })
  ownerOrganisationId!: string | null;
  @ApiProperty({ type: String, description: 'gemeenten, comma-separated' }) region!: string;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: String }) kvkNumber!: string;
  @ApiProperty({ type: String, nullable: true }) sbiCode!: string | null;
  @ApiProperty({ enum: SBI_VERSIONS, nullable: true }) sbiVersion!: SbiVersion | null;
  @ApiProperty({ type: String }) contactName!: string;
  @ApiProperty({ type: String, nullable: true }) contactEmail!: string | null;
  @ApiProperty({ type: String, nullable: true }) contactPhone!: string | null;
  @ApiProperty({ type: EmployerLocationResponse, isArray: true })
  locations!: EmployerLocationResponse[];
  @ApiProperty({ type: String }) createdAt!: string;
  @ApiProperty({ type: String }) updatedAt!: string;
  @ApiProperty({ type: Number }) version!: number;
}

export class EmployerPageResponse {
  @ApiProperty({ type: EmployerResponse, isArray: true }) items!: EmployerResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty({ type: Number }) limit!: number;
}
