import { Column, Entity } from 'typeorm';
import { BaseEntity } from '@werkbrug/database';
import type { Role } from './role';

@Entity('users')
export class User extends BaseEntity {
  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text', select: false })
  passwordHash!: string;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ type: 'uuid' })
  organisationId!: string;

  /** Set for werkgever users: the employer they act for. */
  @Column({ type: 'uuid', nullable: true })
  employerId!: string | null;

  /** Set for kandidaat users: their own candidate record. */
  @Column({ type: 'uuid', nullable: true })
  candidateId!: string | null;

  @Column({ type: 'text' })
  displayName!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** A werkmakelaar who manages the users of their own organisation (organisation-access.ts). */
  @Column({ type: 'boolean', default: false })
  organisationAdmin!: boolean;

  /** The last sign-in with a password or a mailed link, by API token or web session. */
  @Column({ type: 'timestamptz', nullable: true })
  lastSignedInAt!: Date | null;
}
