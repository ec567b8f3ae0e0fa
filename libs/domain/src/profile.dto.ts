import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import type { DemandProfile } from './vocabulary';

/** The five physical/environmental aspects on the shared 0–3 scale (see DEMAND_SCALE). */
export class DemandProfileDto {
  @ApiProperty({ minimum: 0, maximum: 3, description: '0 niet tillen … 3 zwaar tillen (>15 kg)' })
  @IsInt()
  @Min(0)
  @Max(3)
  lifting!: number;

  @ApiProperty({
    minimum: 0,
    maximum: 3,
    description: '0 vooral zitten … 3 de hele dag staan of lopen',
  })
  @IsInt()
  @Min(0)
  @Max(3)
  standing!: number;

  @ApiProperty({ minimum: 0, maximum: 3, description: '0 eigen tempo … 3 hoog tempo' })
  @IsInt()
  @Min(0)
  @Max(3)
  pace!: number;

  @ApiProperty({ minimum: 0, maximum: 3, description: '0 prikkelarm … 3 veel prikkels en lawaai' })
  @IsInt()
  @Min(0)
  @Max(3)
  stimuli!: number;

  @ApiProperty({ minimum: 0, maximum: 3, description: '0 binnen … 3 altijd buiten' })
  @IsInt()
  @Min(0)
  @Max(3)
  outdoor!: number;
}

/** A demand profile in a response: a workplace's demands, a candidate's abilities (0–3 each). */
export class DemandProfileResponse implements DemandProfile {
  @ApiProperty({ type: Number }) lifting!: number;
  @ApiProperty({ type: Number }) standing!: number;
  @ApiProperty({ type: Number }) pace!: number;
  @ApiProperty({ type: Number }) stimuli!: number;
  @ApiProperty({ type: Number }) outdoor!: number;
}
