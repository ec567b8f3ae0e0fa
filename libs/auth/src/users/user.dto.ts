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
  @ApiPropertyOptional({ description: 'Alternative to If-Match.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
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
  createdAt: u.createdAt.toISOString(),
  updatedAt: u.updatedAt.toISOString(),
  version: u.version,
});
