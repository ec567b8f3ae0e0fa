import { Column, Entity, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@werkbrug/database';
import type { Employer } from './employer.entity';

@Entity('employer_locations')
export class EmployerLocation extends BaseEntity {
  @Column({ type: 'uuid' })
  employerId!: string;

  @ManyToOne('Employer', 'locations', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employer_id' })
  employer!: Employer;

  @Column({ type: 'text' })
  address!: string;

  @Column({ type: 'char', length: 6 })
  postcode!: string;

  @Column({ type: 'text' })
  place!: string;

  @Column({ type: 'double precision' })
  lat!: number;

  @Column({ type: 'double precision' })
  lng!: number;
}
