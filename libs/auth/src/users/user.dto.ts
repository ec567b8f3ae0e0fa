import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQuery } from '@werkbrug/http';
import { ROLES, type Role } from '../role';
import type { User } from '../user.entity';

export class CreateUserDto {
  @ApiProperty() @IsEmail() @MaxLength(254) email!: string;
  @ApiProperty({ minLength: 12 }) @IsString() @MaxLength(256) password!: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role!: Role;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(120) displayName!: string;
  @ApiPropertyOptional({
    description: 'Required for admin and werkmakelaar; derived for werkgever/kandidaat.',
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
  @ApiPropertyOptional({ description: 'Required for werkgever users.' })
  @IsOptional()
  @IsUUID()
  employerId?: string;
  @ApiPropertyOptional({ description: 'Required for kandidaat users.' })
  @IsOptional()
  @IsUUID()
  candidateId?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({
    description:
      'A new login address: it becomes the login only after the link mailed to it is confirmed (POST /api/auth/email-change/confirm)',
  })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(256) password?: string;
  @ApiPropertyOptional({
    description: 'Required when you change your own password or e-mail address',
  })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  currentPassword?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  displayName?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({
    description:
      'A werkmakelaar who manages the users of their own organisation; set by an administrator or an organisation administrator of that organisation',
  })
  @IsOptional()
  @IsBoolean()
  organisationAdmin?: boolean;
  @ApiPropertyOptional({ description: 'Alternative to If-Match.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

/**
 * A colleague invited by mail: the account stays inactive until the link in the mail sets a password
 * (valid INVITE_DAYS days). The role follows the organisation (rolesFor in organisation-access.ts).
 */
export class InviteUserDto {
  @ApiProperty() @IsUUID() organisationId!: string;
  @ApiProperty() @IsEmail() @MaxLength(254) email!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(120) displayName!: string;
  @ApiProperty({ enum: ['admin', 'werkmakelaar', 'werkgever'] })
  @IsIn(['admin', 'werkmakelaar', 'werkgever'])
  role!: Exclude<Role, 'kandidaat'>;
  @ApiPropertyOptional({ description: 'Only for a werkmakelaar: an organisation administrator' })
  @IsOptional()
  @IsBoolean()
  organisationAdmin?: boolean;
}

export class UserListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional() @IsOptional() @IsUUID() organisationId?: string;
}

export interface UserView {
  id: string;
  email: string;
  role: Role;
  displayName: string;
  organisationId: string;
  employerId: string | null;
  candidateId: string | null;
  active: boolean;
  organisationAdmin: boolean;
  lastSignedInAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const toUserView = (u: User): UserView => ({
  id: u.id,
  email: u.email,
  role: u.role,
  displayName: u.displayName,
  organisationId: u.organisationId,
  employerId: u.employerId,
  candidateId: u.candidateId,
  active: u.active,
  organisationAdmin: u.organisationAdmin,
  lastSignedInAt: u.lastSignedInAt ? u.lastSignedInAt.toISOString() : null,
  createdAt: u.createdAt.toISOString(),
  updatedAt: u.updatedAt.toISOString(),
  version: u.version,
});
