import type { UserView } from './user.dto';
import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../role';

/*
 * Response classes for the OpenAPI document (every 2xx has a schema; test/openapi-responses.e2e-spec.ts).
 * Generated from the return types of users.controller.ts, then reviewed; keep them in step with the views.
 */

export class UserResponse implements UserView {
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ type: String }) email!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ type: String }) displayName!: string;
  @ApiProperty({ type: String }) organisationId!: string;
  @ApiProperty({ type: String, nullable: true }) employerId!: string | null;
  @ApiProperty({ type: String, nullable: true }) candidateId!: string | null;
  @ApiProperty({ type: Boolean }) active!: boolean;
  @ApiProperty({ type: Boolean }) organisationAdmin!: boolean;
  @ApiProperty({ type: String, nullable: true }) lastSignedInAt!: string | null;
  @ApiProperty({ type: String }) createdAt!: string;
  @ApiProperty({ type: String }) updatedAt!: string;
  @ApiProperty({ type: Number }) version!: number;
}

export class UserPageResponse {
  @ApiProperty({ type: UserResponse, isArray: true }) items!: UserResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty({ type: Number }) limit!: number;
}

export class InvitationResentResponse {
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ type: String, description: 'When the new link stops working (ISO 8601)' })
  expiresAt!: string;
}
