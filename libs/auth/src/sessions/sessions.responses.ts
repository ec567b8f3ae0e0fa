import { ApiProperty } from '@nestjs/swagger';

const KINDS = ['web', 'api'] as const;

/** One open session: a signed-in browser (web) or a bearer token (api). */
export class SessionResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({
    enum: KINDS,
    description: 'web: a browser signed in to the pages; api: a bearer token',
  })
  kind!: 'web' | 'api';
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Browser and system in words ("Firefox op Windows"); null until first used',
  })
  browser!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) signedInAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastSeenAt!: string | null;
  @ApiProperty({ type: Boolean, description: 'The session (token) this request came with' })
  current!: boolean;
}

export class SessionListResponse {
  @ApiProperty({ type: SessionResponse, isArray: true }) items!: SessionResponse[];
}

export class SessionsEndedResponse {
  @ApiProperty({ type: Number, description: 'Web sessions that ended' }) webSessions!: number;
  @ApiProperty({ type: Number, description: 'API tokens that ended' }) apiTokens!: number;
}
