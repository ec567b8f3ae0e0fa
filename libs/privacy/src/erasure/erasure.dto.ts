import { ApiProperty } from '@nestjs/swagger';
import { Equals } from 'class-validator';

/** Erasure cannot be undone, so the candidate confirms it explicitly. */
export class SelfErasureRequest {
  @ApiProperty({
    type: 'boolean',
    example: true,
    description: 'Must be true: erasure cannot be undone',
  })
  @Equals(true, { message: 'confirm must be true: erasure cannot be undone' })
  confirm!: true;
}
