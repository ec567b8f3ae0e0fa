import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsKvkNumber, LocationDto } from '@werkbrug/domain';
import { PageQuery } from '@werkbrug/http';
import { SBI_VERSIONS, type Employer, type SbiVersion } from './employer.entity';

const PHONE = /^[+0-9][0-9 ()-]{7,19}$/;

/** What an employer is created with and may change later: everything but the KvK number. */
class EmployerFields {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiPropertyOptional({
    example: '8130',
    description: 'SBI code (2–5 digits); requires sbiVersion',
  })
  @IsOptional()
  @Matches(/^[0-9]{2,5}$/, { message: 'sbiCode must be 2–5 digits' })
  sbiCode?: string;
  @ApiPropertyOptional({ enum: SBI_VERSIONS })
  @IsOptional()
  @IsIn(SBI_VERSIONS)
  sbiVersion?: SbiVersion;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(120) contactName?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) contactEmail?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(PHONE, { message: 'contactPhone is not a phone number' })
  contactPhone?: string;
  @ApiProperty({ type: [LocationDto], description: 'On an update: replaces all locations' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => LocationDto)
  locations!: LocationDto[];
  @ApiPropertyOptional({
    description:
      'Gemeenten (comma-separated) whose werkmakelaars may see this employer; defaults to the region of the owning organisation',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  region?: string;
  @ApiPropertyOptional({
    description:
      'Administrators only: the broker organisation that owns the employer (a werkmakelaar’s own organisation otherwise)',
  })
  @IsOptional()
  @IsUUID()
  ownerOrganisationId?: string;
}

export class CreateEmployerDto extends EmployerFields {
  @ApiProperty({ example: '12345678' }) @IsKvkNumber() kvkNumber!: string;
}

/** Every field optional; PartialType keeps the validation rules and marks them optional. */
export class UpdateEmployerDto extends PartialType(EmployerFields) {
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
}

export class EmployerListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Name contains (case-insensitive)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[0-9]{8}$/) kvkNumber?: string;
  @ApiPropertyOptional({ description: 'Has a location in this place' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  place?: string;
}

export const toEmployerView = (e: Employer) => ({
  id: e.id,
  organisationId: e.organisationId,
  ownerOrganisationId: e.ownerOrganisationId,
  region: e.region,
  name: e.name,
  kvkNumber: e.kvkNumber,
  sbiCode: e.sbiCode,
  sbiVersion: e.sbiVersion,
  contactName: e.contactName,
  contactEmail: e.contactEmail,
  contactPhone: e.contactPhone,
  locations: (e.locations ?? [])
    .slice()
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
    .map((l) => ({
      id: l.id,
      address: l.address,
      postcode: l.postcode,
      place: l.place,
      lat: l.lat,
      lng: l.lng,
    })),
  createdAt: e.createdAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
  version: e.version,
});
export type EmployerView = ReturnType<typeof toEmployerView>;
