import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { ORGANISATION_KINDS, type OrganisationKind } from '@werkbrug/domain';
import { PageQuery } from '@werkbrug/http';
import type { Organisation } from './organisation.entity';

const CREATABLE_KINDS = ORGANISATION_KINDS.filter((k) => k !== 'beheer');

export class CreateOrganisationDto {
  @ApiProperty({ enum: CREATABLE_KINDS }) @IsIn(CREATABLE_KINDS) kind!: OrganisationKind;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) region?: string;
  @ApiPropertyOptional({ description: 'Contact person' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  contactName?: string;
  @ApiPropertyOptional({ description: "Contact's e-mail address ('' for none)" })
  @IsOptional()
  @ValidateIf((_o, v) => v !== '')
  @IsEmail()
  @MaxLength(254)
  contactEmail?: string;
  @ApiPropertyOptional({ description: "Contact's phone number ('' for none)" })
  @IsOptional()
  @IsString()
  @Matches(/^$|^[+0-9][0-9 ()-]{5,24}$/, { message: 'contactPhone is a phone number' })
  contactPhone?: string;
}

/** The same fields as at creation, each optional; the kind never changes. */
export class UpdateOrganisationDto extends PartialType(OmitType(CreateOrganisationDto, ['kind'])) {
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
}

export class OrganisationListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ORGANISATION_KINDS })
  @IsOptional()
  @IsIn(ORGANISATION_KINDS)
  kind?: OrganisationKind;
  @ApiPropertyOptional({ description: 'Name contains (case-insensitive)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;
}

export const toOrganisationView = (o: Organisation) => ({
  id: o.id,
  kind: o.kind,
  name: o.name,
  region: o.region,
  contactName: o.contactName,
  contactEmail: o.contactEmail,
  contactPhone: o.contactPhone,
  createdAt: o.createdAt.toISOString(),
  updatedAt: o.updatedAt.toISOString(),
  version: o.version,
});
export type OrganisationView = ReturnType<typeof toOrganisationView>;
