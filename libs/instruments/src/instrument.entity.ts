import { Column, Entity } from 'typeorm';
import { BaseEntity, DatedRuleVersion } from '@werkbrug/database';
import type { Calculator, Grantor, Recipient, RuleScope } from './engine/types';

/** An instrument in the catalogue: who grants it, who receives it, how to apply, which calculator. */
@Entity('instruments')
export class Instrument extends BaseEntity {
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'text' }) grantor!: Grantor;
  @Column({ type: 'text' }) recipient!: Recipient;
  @Column({ type: 'text' }) howToApply!: string;
  @Column({ type: 'text' }) deadlineRule!: string;
  @Column({ type: 'text' }) calculator!: Calculator;
  @Column({ type: 'integer' }) sortOrder!: number;
}

/** One version of an instrument's rule. Never edited: a newer version ends it (valid_to). */
@Entity('instrument_rule_versions')
export class InstrumentRuleVersion extends DatedRuleVersion {
  @Column({ type: 'text' }) instrumentCode!: string;
  @Column({ type: 'text' }) scope!: RuleScope;
  @Column({ type: 'text', nullable: true }) scopeRef!: string | null;
  @Column({ type: 'jsonb' }) params!: Record<string, unknown>;
  @Column({ type: 'boolean' }) active!: boolean;
  /** The primary publications the figures come from. */
  @Column({ type: 'text', array: true }) sourceUrls!: string[];
  /** Secondary pages that explain the rule in plain words: never the source of a figure. */
  @Column({ type: 'text', array: true }) explanationUrls!: string[];
  @Column({ type: 'date' }) lastChecked!: string;
  @Column({ type: 'boolean' }) indicative!: boolean;
  @Column({ type: 'text' }) note!: string;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
}

/** The instruments agreed on a placement, with the calculation that was made for them. */
@Entity('instrument_calculations')
export class InstrumentCalculation extends BaseEntity {
  @Column({ type: 'uuid' }) placementId!: string;
  @Column({ type: 'uuid' }) candidateId!: string;
  @Column({ type: 'uuid', nullable: true }) calculatedBy!: string | null;
  @Column({ type: 'date' }) calculationDate!: string;
  @Column({ type: 'text', array: true }) agreedCodes!: string[];
  @Column({ type: 'jsonb' }) facts!: Record<string, unknown>;
  @Column({ type: 'jsonb' }) result!: Record<string, unknown>;
  @Column({ type: 'uuid', array: true }) ruleVersionIds!: string[];
}

/** A deadline of an agreed instrument; the worker mails the werkmakelaar before it. */
@Entity('instrument_deadlines')
export class InstrumentDeadline extends BaseEntity {
  @Column({ type: 'uuid' }) calculationId!: string;
  @Column({ type: 'uuid' }) placementId!: string;
  @Column({ type: 'uuid' }) candidateId!: string;
  @Column({ type: 'uuid' }) werkmakelaarId!: string;
  @Column({ type: 'text' }) instrumentCode!: string;
  @Column({ type: 'text' }) kind!: 'lks_aanvraag' | 'doelgroepverklaring';
  @Column({ type: 'date' }) dueOn!: string;
  @Column({ type: 'timestamptz', nullable: true }) noticeSentAt!: Date | null;
}
