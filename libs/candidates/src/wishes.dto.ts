import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { IsInt, IsOptional, Min } from 'class-validator';
import { DAYPARTS, DAYS, TRAVEL_MODES } from '@werkbrug/domain';
import { WorkProfileFields } from './candidate.dto';

/** What a candidate may set about themselves: the rung, route, abilities and protected data stay with the werkmakelaar. */
export const WISH_FIELDS = [
  'werksoortWishes',
  'interests',
  'hoursMin',
  'hoursMax',
  'days',
  'dayparts',
  'travelMode',
  'maxTravelKm',
  'maxTravelMinutes',
] as const;

export class UpdateWishesDto extends PartialType(PickType(WorkProfileFields, WISH_FIELDS)) {
  @ApiPropertyOptional({ description: 'Alternative to If-Match.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class WishesView {
  @ApiProperty({ type: [String] }) werksoortWishes!: string[];
  @ApiProperty() interests!: string;
  @ApiProperty() hoursMin!: number;
  @ApiProperty() hoursMax!: number;
  @ApiProperty({ enum: DAYS, isArray: true }) days!: string[];
  @ApiProperty({ enum: DAYPARTS, isArray: true }) dayparts!: string[];
  @ApiProperty({ enum: TRAVEL_MODES }) travelMode!: string;
  @ApiProperty({ type: Number, nullable: true }) maxTravelKm!: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxTravelMinutes!: number | null;
  @ApiProperty() version!: number;
}

export const toWishesView = (c: {
  werksoortWishes: string[];
  interests: string;
  hoursMin: number;
  hoursMax: number;
  days: string[];
  dayparts: string[];
  travelMode: string;
  maxTravelKm: number | null;
  maxTravelMinutes: number | null;
  version: number;
}): WishesView => ({
  werksoortWishes: c.werksoortWishes,
  interests: c.interests,
  hoursMin: c.hoursMin,
  hoursMax: c.hoursMax,
  days: c.days,
  dayparts: c.dayparts,
  travelMode: c.travelMode,
  maxTravelKm: c.maxTravelKm,
  maxTravelMinutes: c.maxTravelMinutes,
  version: c.version,
});
