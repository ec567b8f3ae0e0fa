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

  /** The gemeenten it works in, comma-separated (region_overlaps() reads them). */
  @Column({ type: 'text' })
  region!: string;

  /** Who to contact about the organisation's use of Werkbrug ('' when not given). */
  @Column({ type: 'text', default: '' })
  contactName!: string;

  @Column({ type: 'text', default: '' })
  contactEmail!: string;

  @Column({ type: 'text', default: '' })
  contactPhone!: string;
}
