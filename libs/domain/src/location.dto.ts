import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsDutchPostcode, NL_BOUNDS } from './validators';

/** A postal location. Coordinates are optional: without them the postcode area is looked up. */
export class LocationDto {
  @ApiPropertyOptional({ example: 'Hoofdstraat 12' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  address?: string;

  @ApiProperty({ example: '3441 AB' })
  @IsDutchPostcode()
  postcode!: string;

  @ApiPropertyOptional({
    example: 'Woerden',
    description: 'Taken from the postcode area when omitted.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  place?: string;

  @ApiPropertyOptional({ example: 52.0857 })
  @IsOptional()
  @IsLatitude()
  @Min(NL_BOUNDS.minLat, { message: 'lat must lie in the Netherlands' })
  @Max(NL_BOUNDS.maxLat, { message: 'lat must lie in the Netherlands' })
  lat?: number;

  @ApiPropertyOptional({ example: 4.8833 })
  @IsOptional()
  @IsLongitude()
  @Min(NL_BOUNDS.minLng, { message: 'lng must lie in the Netherlands' })
  @Max(NL_BOUNDS.maxLng, { message: 'lng must lie in the Netherlands' })
  lng?: number;
}

export interface ResolvedLocation {
  address: string;
  postcode: string;
  place: string;
  lat: number;
  lng: number;
}

/** A resolved location in a response (a workplace's, an employer's locations). */
export class LocationResponse implements ResolvedLocation {
  @ApiProperty({ type: String }) address!: string;
  @ApiProperty({ type: String }) postcode!: string;
  @ApiProperty({ type: String }) place!: string;
  @ApiProperty({ type: Number }) lat!: number;
  @ApiProperty({ type: Number }) lng!: number;
}
