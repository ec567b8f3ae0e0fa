import type { EngineAnswer } from './engine/calculate';
import type { InstrumentDefinition, RuleVersion } from './engine/types';
import type { Instrument, InstrumentRuleVersion } from './instrument.entity';

/** The engine's view of a stored rule version: one mapping, which the API view extends. */
export const toEngine = (v: InstrumentRuleVersion): RuleVersion => ({
  id: v.id,
  instrumentCode: v.instrumentCode,
  scope: v.scope,
  scopeRef: v.scopeRef,
  params: v.params,
  active: v.active,
  validFrom: v.validFrom,
  validTo: v.validTo,
  sourceUrls: v.sourceUrls,
  lastChecked: v.lastChecked,
  indicative: v.indicative,
  knownUntil: v.knownUntil,
});

export const ruleVersionView = (v: InstrumentRuleVersion) => ({
  ...toEngine(v),
  explanationUrls: v.explanationUrls,
  note: v.note,
  createdAt: v.createdAt.toISOString(),
});

export const instrumentView = (i: Instrument | InstrumentDefinition) => ({
  code: i.code,
  name: i.name,
  description: i.description,
  grantor: i.grantor,
  recipient: i.recipient,
  howToApply: i.howToApply,
  deadlineRule: i.deadlineRule,
  calculator: i.calculator,
});

/** The engine's items without its internal bookkeeping (deadlineKind). */
export const answerView = (answer: EngineAnswer) => ({
  ...answer,
  items: answer.items.map(({ deadlineKind: _kind, wmlVersionId: _wml, ...item }) => item),
});

/**
 * The "financieel CV" for an employer: which instruments apply at this workplace and what they are
 * worth. Outcome only — no reasons, no missing pieces, no deadlines, since those quote the facts
 * (loonwaarde, benefit, register, age). Instruments that do not apply are left out for the same reason.
 */
export const financieelCvView = (answer: EngineAnswer) => {
  const items = answer.items
    .filter((i) => i.status !== 'does_not_apply' && i.code !== 'wml' && i.active)
    .map((i) => ({
      code: i.code,
      name: i.name,
      status: i.status,
      amounts: i.amounts,
      applyTo: i.applyTo,
      indicative: i.indicative,
      sources: i.sources,
      figures: i.figures,
    }));
  const provisional = items.filter((i) => i.figures.status === 'provisional');
  return {
    date: answer.date,
    disclaimer: answer.disclaimer,
    status: provisional.length ? ('provisional' as const) : ('known' as const),
    provisionalReasons: [...new Set(provisional.map((i) => i.figures.reason as string))],
    items,
    sources: [...new Set(items.flatMap((i) => i.sources))],
  };
};

/** The financieel CV as the proposal's shared part carries it. */
export type FinancieelCvView = ReturnType<typeof financieelCvView>;

/**
 * The financieel CV from a proposal's shared parts (typed there as unknown, since proposals do not
 * know this lib): this lib registered the part with financieelCvView, so an object with its
 * disclaimer and items is one; anything else (null when not shared) is none.
 */
export function financieelCvOf(part: unknown): FinancieelCvView | null {
  if (typeof part !== 'object' || part === null) return null;
  if (!('disclaimer' in part) || typeof part.disclaimer !== 'string') return null;
  if (!('items' in part) || !Array.isArray(part.items)) return null;
  return part as FinancieelCvView;
}
