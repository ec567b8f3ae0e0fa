import { Column, Entity } from 'typeorm';
import { BaseEntity } from '@werkbrug/database';

/** An opaque bearer token; only its SHA-256 is stored, so a database leak yields no sessions. */
@Entity('auth_tokens')
export class AuthToken extends BaseEntity {
  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'bytea' })
  tokenHash!: Buffer;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
