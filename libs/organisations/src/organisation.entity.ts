import { Column, Entity } from 'typeorm';
import { BaseEntity } from '@werkbrug/database';
import type { OrganisationKind } from '@werkbrug/domain';

/** A tenant: gemeente, werkbedrijf, re-integratiebedrijf or employer. */
@Entity('organisations')
export class Organisation extends BaseEntity {
  @Column({ type: 'text' })
  kind!: OrganisationKind;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  region!: string;
}
