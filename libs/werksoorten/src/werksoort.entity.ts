import { Column, Entity } from 'typeorm';
import { BaseEntity } from '@werkbrug/database';

/** A kind of work (productie, groen, ...). Extensible by administrators, with synonyms for search. */
@Entity('werksoorten')
export class Werksoort extends BaseEntity {
  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text', array: true })
  synonyms!: string[];

  @Column({ type: 'boolean' })
  active!: boolean;
}
