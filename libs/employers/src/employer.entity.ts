import { Column, Entity, OneToMany } from 'typeorm';
import { BaseEntity } from '@werkbrug/database';
import { EmployerLocation } from './employer-location.entity';

/** The SBI (Standaard Bedrijfsindeling) editions an sbiCode may be from. */
export const SBI_VERSIONS = ['2008', '2025'] as const;
export type SbiVersion = (typeof SBI_VERSIONS)[number];

/** A werkgever. Each employer is its own tenant organisation, so employer users are scoped by it. */
@Entity('employers')
export class Employer extends BaseEntity {
  @Column({ type: 'uuid' })
  organisationId!: string;

  /** The broker organisation that brought the employer in; its werkmakelaars edit it. */
  @Column({ type: 'uuid', nullable: true })
  ownerOrganisationId!: string | null;

  /** Gemeenten (comma-separated) whose werkmakelaars see, match and propose; see employer-access.ts. */
  @Column({ type: 'text' })
  region!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'char', length: 8 })
  kvkNumber!: string;

  @Column({ type: 'text', nullable: true })
  sbiCode!: string | null;

  @Column({ type: 'text', nullable: true })
  sbiVersion!: SbiVersion | null;

  @Column({ type: 'text' })
  contactName!: string;

  @Column({ type: 'text', nullable: true })
  contactEmail!: string | null;

  @Column({ type: 'text', nullable: true })
  contactPhone!: string | null;

  @OneToMany(() => EmployerLocation, (l) => l.employer, { cascade: true })
  locations!: EmployerLocation[];
}
