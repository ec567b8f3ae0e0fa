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

  /** ISCO-08 unit group (4 digits), or null when not yet classified. */
  @Column({ type: 'text', nullable: true })
  iscoCode!: string | null;

  /** BRC 2014 beroepsgroep (4 digits) and its CBS name: both or neither. */
  @Column({ type: 'text', nullable: true })
  brcCode!: string | null;

  @Column({ type: 'text', nullable: true })
  brcName!: string | null;

  /** Set when this werksoort was merged into another: it stays, inactive, so history still names it. */
  @Column({ type: 'uuid', nullable: true })
  mergedIntoId!: string | null;
}
