import {
  addDays,
  addMonths,
  contractEnd,
  dutchDate,
  type FiguresStatus,
  inForce,
  provisionalReason,
  splitPeriod,
  versionBoundaries,
  type BenefitType,
} from '@werkbrug/domain';
import { Dec, dec } from './decimal';
import { dutchNumber, euro, percent } from './format';
import {
  type Amounts,
  DISCLAIMER,
  type InstrumentAnswer,
  type InstrumentDefinition,
  type InstrumentFacts,
  type InstrumentOutcome,
  type InstrumentStatus,
  type ItemPart,
  MissingRulesError,
  type Reason,
  type RuleVersion,
} from './types';

/**
 * The instrument engine: pure and deterministic. Given the facts and the rule versions, it answers per
 * instrument whether it applies, may apply (and what is still needed) or does not apply, with reasons
 * (stable codes, B1 Dutch), estimated amounts, who to apply to and the deadline. No I/O, no clock.
 */

const WEEKS_PER_YEAR = 52;
const SPECIFICITY = { organisation: 3, gemeente: 2, national: 1 } as const;

const sameGemeente = (a: string | null | undefined, b: string | null | undefined) =>
  !!a && !!b && a.trim().toLocaleLowerCase('nl') === b.trim().toLocaleLowerCase('nl');

function inScope(v: RuleVersion, facts: InstrumentFacts) {
  if (v.scope === 'national') return true;
  if (v.scope === 'gemeente') return sameGemeente(v.scopeRef, facts.gemeente);
  return !!facts.organisationId && v.scopeRef === facts.organisationId;
}

export interface Selection {
  /** Per instrument code, the version in force for the most specific scope that has one. */
  inForce: Map<string, RuleVersion>;
  /** Instruments whose last national version ended before the date (the law stopped them). */
  ended: Map<string, RuleVersion>;
  /** Instruments with national versions, none of which covers the date: the answer would be a guess. */
  missing: string[];
}

/** Which rule versions count on the facts' date, for the facts' gemeente and organisation. */
export function selectVersions(
  facts: InstrumentFacts,
  instruments: InstrumentDefinition[],
  versions: RuleVersion[],
): Selection {
  const selection: Selection = { inForce: new Map(), ended: new Map(), missing: [] };
  for (const instrument of instruments) {
    const own = versions.filter((v) => v.instrumentCode === instrument.code);
    const current = own
      .filter((v) => inScope(v, facts) && inForce(v, facts.date))
      .sort(
        (a, b) =>
          SPECIFICITY[b.scope] - SPECIFICITY[a.scope] || b.validFrom.localeCompare(a.validFrom),
      )[0];
    if (current) {
      selection.inForce.set(instrument.code, current);
      continue;
    }
    const national = own.filter((v) => v.scope === 'national');
    if (!national.length) continue; // a local instrument of another gemeente: not in this answer
    const last = [...national].sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
    if (last.validTo !== null && last.validTo < facts.date)
      selection.ended.set(instrument.code, last);
    else selection.missing.push(instrument.code);
  }
  return selection;
}

/** Collects reasons and missing pieces; the status follows from them. */
class Outcome {
  readonly reasons: Reason[] = [];
  readonly missing: Reason[] = [];
  amounts: Amounts = {};
  deadline: string | null = null;
  deadlineKind: string | null = null;
  private refused = false;

  why(code: string, text: string) {
    this.reasons.push({ code, text });
    return this;
  }
  /** Does not apply: the reason is the first thing shown. */
  no(code: string, text: string) {
    this.refused = true;
    this.reasons.unshift({ code, text });
    return this;
  }
  need(code: string, text: string) {
    this.missing.push({ code, text });
    return this;
  }
  get status(): InstrumentStatus {
    if (this.refused) return 'does_not_apply';
    return this.missing.length ? 'may_apply' : 'applies';
  }
}

interface Context {
  facts: InstrumentFacts;
  wml: Dec;
  wmlVersion: RuleVersion | undefined;
  hours: Dec;
}

const p = (v: RuleVersion) => v.params as Record<string, never>;
const list = (value: unknown) => (Array.isArray(value) ? (value as string[]) : []);

const BENEFIT_LABELS: Record<BenefitType, string> = {
  participatiewet: 'bijstand (Participatiewet)',
  wajong: 'Wajong',
  wia: 'WIA',
  ww: 'WW',
  ziektewet: 'Ziektewet',
  ioaw: 'IOAW',
  geen: 'geen uitkering',
  overig: 'een andere uitkering',
};

/** Weekly amount → week, month (52/12 weeks), year (52 weeks) and the planned duration. */
function fromWeekly(perWeek: Dec, months: number | null | undefined): Amounts {
  const perMonth = perWeek.mul(WEEKS_PER_YEAR).div(12);
  return {
    perWeek: perWeek.euros(),
    perMonth: perMonth.euros(),
    perYear: perWeek.mul(WEEKS_PER_YEAR).euros(),
    ...(months ? { total: perMonth.mul(months).euros() } : {}),
  };
}

/** Yearly amount (with a yearly cap) → the same four figures; the total stops after maxYears. */
function fromYearly(
  perYear: Dec,
  months: number | null | undefined,
  maxYears?: number | null,
): Amounts {
  const counted = months ? (maxYears ? Math.min(months, maxYears * 12) : months) : null;
  return {
    perWeek: perYear.div(WEEKS_PER_YEAR).euros(),
    perMonth: perYear.div(12).euros(),
    perYear: perYear.euros(),
    ...(counted ? { total: perYear.mul(counted).div(12).euros() } : {}),
  };
}

/** Paid work only (a subsidy on wages needs wages); no arrangement given means a regular job. */
function paidWork(o: Outcome, v: RuleVersion, facts: InstrumentFacts, name: string) {
  const allowed = list(p(v).arrangements);
  if (facts.arrangement && allowed.length && !allowed.includes(facts.arrangement))
    o.no('NO_PAID_JOB', `${name} is er alleen bij betaald werk, niet bij ${facts.arrangement}.`);
}

type Calc = (o: Outcome, v: RuleVersion, ctx: Context, def: InstrumentDefinition) => void;

const CALCULATORS: Record<string, Calc> = {
  wml(o, v, { facts, wml, hours }) {
    o.why('WML_REFERENCE', `Het minimumloon is ${euro(wml)} per uur, voor 21 jaar en ouder.`);
    if (facts.age !== null && facts.age !== undefined && facts.age < Number(p(v).minAge))
      o.why(
        'WML_YOUTH',
        `Voor iemand jonger dan ${p(v).minAge} is het minimumloon lager. Dat rekenen we hier niet uit.`,
      );
    if (facts.hourlyWage !== null && facts.hourlyWage !== undefined) {
      const wage = dec(facts.hourlyWage);
      if (wage.cmp(wml) < 0)
        o.why(
          'WAGE_BELOW_WML',
          `Het uurloon van ${euro(wage)} is lager dan het minimumloon. Dat mag niet bij betaald werk.`,
        );
      else if (wage.cmp(wml) > 0)
        o.why('WAGE_ABOVE_WML', `Het uurloon van ${euro(wage)} is hoger dan het minimumloon.`);
    }
    o.amounts = fromWeekly(wml.mul(hours), facts.contractMonths);
  },

  loonkostensubsidie(o, v, { facts, wml, hours }, def) {
    const params = p(v);
    paidWork(o, v, facts, def.name);
    const targets = list(params.benefitTypes);
    if (facts.doelgroepregister === true)
      o.why('IN_DOELGROEPREGISTER', 'De kandidaat staat in het doelgroepregister.');
    else if (facts.benefitType && targets.includes(facts.benefitType))
      o.why('TARGET_BENEFIT', `De kandidaat heeft ${BENEFIT_LABELS[facts.benefitType]}.`);
    else if (facts.benefitType)
      o.no(
        'NOT_PARTICIPATIEWET',
        `Loonkostensubsidie is voor mensen die onder de Participatiewet vallen, niet bij ${BENEFIT_LABELS[facts.benefitType]}.`,
      );
    else o.need('NEEDS_BENEFIT_TYPE', 'Welke uitkering de kandidaat heeft (of geen uitkering).');
    const lw = facts.loonwaardePct;
    if (lw === null || lw === undefined) {
      o.need(
        'NEEDS_LOONWAARDE',
        'Een loonwaardebepaling: hoeveel van het werk de kandidaat kan doen.',
      );
    } else if (lw >= 100) {
      o.no('LOONWAARDE_FULL', 'Met een loonwaarde van 100% is er geen loonkostensubsidie.');
    } else {
      const share = dec(1).sub(dec(lw).div(100)).min(dec(params.maxShare));
      const perWeek = share
        .mul(wml)
        .mul(hours)
        .mul(dec(params.vakantiebijslag))
        .mul(dec(params.werkgeverslasten));
      o.why('LOONWAARDE_BELOW_FULL', `De loonwaarde is ${lw}%. Dat is minder dan 100%.`);
      o.why(
        'LKS_FORMULA',
        `${percent(share)} van het minimumloon (${euro(wml)}) × ${dutchNumber(hours)} uur × ${dutchNumber(dec(params.vakantiebijslag), 3)} vakantiegeld × ${dutchNumber(dec(params.werkgeverslasten), 3)} werkgeverslasten = ${euro(perWeek)} per week.`,
      );
      o.amounts = fromWeekly(perWeek, facts.contractMonths);
    }
    const months = Number(params.applyWithinMonths);
    o.deadline = addMonths(facts.date, months);
    o.deadlineKind = 'lks_aanvraag';
    o.why(
      'APPLY_WITHIN_MONTHS',
      `Vraag de subsidie aan bij de gemeente binnen ${months} maanden na de start van het contract: uiterlijk ${dutchDate(o.deadline)}.`,
    );
  },

  lkv(o, v, { facts, wml, hours }, def) {
    const params = p(v);
    paidWork(o, v, facts, def.name);
    const target = String(params.target);
    if (target === 'doelgroepregister') {
      if (facts.doelgroepregister === true)
        o.why('IN_DOELGROEPREGISTER', 'De kandidaat staat in het doelgroepregister.');
      else if (facts.doelgroepregister === false)
        o.no('NOT_IN_DOELGROEPREGISTER', 'Alleen voor mensen in het doelgroepregister.');
      else o.need('NEEDS_DOELGROEPREGISTER', 'Een plek in het doelgroepregister.');
    } else if (target === 'arbeidsbeperking') {
      const benefits = list(params.benefitTypes);
      if (facts.benefitType && benefits.includes(facts.benefitType))
        o.why('DISABILITY_BENEFIT', `De kandidaat heeft ${BENEFIT_LABELS[facts.benefitType]}.`);
      else if (facts.benefitType)
        o.no(
          'NO_DISABILITY_BENEFIT',
          'Alleen voor mensen met een WIA-, WAO-, WAZ- of Wajong-uitkering.',
        );
      else
        o.need(
          'NEEDS_BENEFIT_TYPE',
          'Of de kandidaat een WIA-, WAO-, WAZ- of Wajong-uitkering heeft.',
        );
    } else if (target === 'oudere') {
      const minAge = Number(params.minAge);
      if (facts.age === null || facts.age === undefined)
        o.need('NEEDS_AGE', 'De leeftijd van de kandidaat.');
      else if (facts.age < minAge)
        o.no('TOO_YOUNG', `Alleen voor mensen van ${minAge} jaar en ouder.`);
      else o.why('AGE_FITS', `De kandidaat is ${minAge} jaar of ouder.`);
      const benefits = list(params.benefitTypes);
      if (facts.benefitType && benefits.includes(facts.benefitType))
        o.why('HAD_BENEFIT', `De kandidaat heeft ${BENEFIT_LABELS[facts.benefitType]}.`);
      else if (facts.benefitType) o.no('NO_BENEFIT', 'Alleen voor mensen met een uitkering.');
      else o.need('NEEDS_BENEFIT_TYPE', 'Welke uitkering de kandidaat heeft.');
    }
    if (facts.hourlyWage !== null && facts.hourlyWage !== undefined) {
      const limit = wml.mul(dec(params.maxWageFactor));
      if (dec(facts.hourlyWage).cmp(limit) > 0)
        o.no(
          'WAGE_ABOVE_LKV_LIMIT',
          `Het uurloon is hoger dan ${percent(dec(params.maxWageFactor))} van het minimumloon (${euro(limit)}).`,
        );
    }
    const perHour = dec(params.perHour);
    const cap = dec(params.maxPerYear);
    const hoursPerYear = hours.mul(WEEKS_PER_YEAR);
    const perYear = perHour.mul(hoursPerYear).min(cap);
    const maxYears = params.maxYears ? Number(params.maxYears) : null;
    o.why(
      'LKV_FORMULA',
      `${euro(perHour)} per betaald uur × ${dutchNumber(hoursPerYear)} uur per jaar = ${euro(perYear)} per jaar (hoogstens ${euro(cap)} per jaar${maxYears ? `, ${maxYears} jaar lang` : ', zolang het dienstverband duurt'}).`,
    );
    o.amounts = fromYearly(perYear, facts.contractMonths, maxYears);
    if (params.doelgroepverklaringWithinMonths) {
      const months = Number(params.doelgroepverklaringWithinMonths);
      o.deadline = addMonths(facts.date, months);
      o.deadlineKind = 'doelgroepverklaring';
      o.why(
        'DOELGROEPVERKLARING_WITHIN',
        `Vraag binnen ${months} maanden na de start een doelgroepverklaring aan bij UWV: uiterlijk ${dutchDate(o.deadline)}.`,
      );
    } else if (target === 'doelgroepregister') {
      o.why(
        'REGISTER_IS_ENOUGH',
        'Een plek in het doelgroepregister is genoeg. Een doelgroepverklaring is niet nodig.',
      );
    }
  },

  no_riskpolis(o, v, { facts }) {
    const params = p(v);
    const benefits = list(params.benefitTypes);
    if (params.doelgroepregister && facts.doelgroepregister === true)
      o.why('IN_DOELGROEPREGISTER', 'De kandidaat staat in het doelgroepregister.');
    else if (facts.benefitType && benefits.includes(facts.benefitType))
      o.why(
        'DISABILITY_BENEFIT',
        `De kandidaat heeft ${BENEFIT_LABELS[facts.benefitType]} (korter dan ${params.withinYears} jaar geleden).`,
      );
    else if (facts.doelgroepregister === false && facts.benefitType)
      o.no(
        'NOT_IN_TARGET_GROUP',
        `Alleen voor mensen in het doelgroepregister, met (vroeger) Wajong, of met WIA, WAO of WAZ in de laatste ${params.withinYears} jaar.`,
      );
    else
      o.need(
        'NEEDS_TARGET_GROUP',
        'Een plek in het doelgroepregister, of een Wajong-, WIA-, WAO- of WAZ-uitkering.',
      );
    o.why(
      'NO_RISK_COVER',
      `Wordt de werknemer ziek, dan betaalt UWV een uitkering: in jaar 1 ${params.yearOne} van het dagloon, in jaar 2 ${params.yearTwo}, samen hoogstens ${params.maxWeeks} weken.`,
    );
  },

  proefplaatsing(o, v, { facts }, def) {
    const params = p(v);
    if (!facts.arrangement)
      o.need('NEEDS_PROEFPLAATSING', 'De afspraak om met een proefplaatsing te beginnen.');
    else if (facts.arrangement !== 'proefplaatsing')
      o.no('NOT_PROEFPLAATSING', 'Alleen als de kandidaat begint met een proefplaatsing.');
    const benefits = list(params.benefitTypes);
    if (facts.benefitType && benefits.includes(facts.benefitType))
      o.why(
        'KEEPS_BENEFIT',
        `De kandidaat houdt ${BENEFIT_LABELS[facts.benefitType]} tijdens de proefplaatsing.`,
      );
    else if (facts.benefitType)
      o.no(
        'OTHER_BENEFIT',
        `${def.name} is voor mensen met ${benefits.map((b) => BENEFIT_LABELS[b as BenefitType]).join(' of ')}.`,
      );
    else o.need('NEEDS_BENEFIT_TYPE', 'Welke uitkering de kandidaat heeft.');
    const intent = params.minContractIntentMonths ? Number(params.minContractIntentMonths) : null;
    if (intent) {
      if (facts.contractMonths === null || facts.contractMonths === undefined)
        o.need(
          'NEEDS_CONTRACT_INTENT',
          `Het plan om daarna een contract van minstens ${intent} maanden te geven.`,
        );
      else if (facts.contractMonths < intent)
        o.no(
          'CONTRACT_TOO_SHORT',
          `De werkgever moet van plan zijn een contract van minstens ${intent} maanden te geven.`,
        );
    }
    const total = params.maxTotalMonths ? Number(params.maxTotalMonths) : null;
    o.why(
      'PROEFPLAATSING_TERMS',
      `${params.months} maanden meewerken met behoud van uitkering; de werkgever betaalt geen loon. ${total ? `Verlengen kan tot in totaal ${total} maanden.` : 'Verlengen kan; de gemeente bepaalt hoe lang.'}`,
    );
    o.deadline = facts.date;
    o.deadlineKind = 'voor_start';
    o.why(
      'APPLY_BEFORE_START',
      `Vraag de proefplaatsing aan vóór de eerste werkdag (${dutchDate(facts.date)}).`,
    );
  },

  jobcoaching(o, v, { facts, hours }, def) {
    const params = p(v);
    paidWork(o, v, facts, def.name);
    const minMonths = Number(params.minContractMonths);
    if (facts.contractMonths === null || facts.contractMonths === undefined)
      o.need('NEEDS_CONTRACT', `Een contract van minstens ${minMonths} maanden.`);
    else if (facts.contractMonths < minMonths)
      o.no('CONTRACT_TOO_SHORT', `Het contract moet minstens ${minMonths} maanden duren.`);
    let exception = false;
    if (facts.hoursPerWeek >= Number(params.minHours))
      o.why(
        'HOURS_ENOUGH',
        `${facts.hoursPerWeek} uur per week is genoeg (${params.minHours} uur of meer).`,
      );
    else if (facts.hoursPerWeek >= Number(params.exceptionMinHours)) exception = true;
    else
      o.no(
        'TOO_FEW_HOURS',
        `Er zijn minstens ${params.exceptionMinHours} uur werk per week nodig.`,
      );
    const lw = facts.loonwaardePct;
    if (lw === null || lw === undefined) o.need('NEEDS_LOONWAARDE', 'Een loonwaardebepaling.');
    else if (lw >= Number(params.minLoonwaarde))
      o.why('LOONWAARDE_ENOUGH', `De loonwaarde is ${params.minLoonwaarde}% of meer.`);
    else if (lw >= Number(params.exceptionMinLoonwaarde)) exception = true;
    else
      o.no(
        'LOONWAARDE_TOO_LOW',
        `De loonwaarde moet minstens ${params.exceptionMinLoonwaarde}% zijn.`,
      );
    if (exception)
      o.need(
        'NEEDS_EXCEPTION',
        `Toestemming voor een uitzondering: minder dan ${params.minHours} uur per week of een loonwaarde onder ${params.minLoonwaarde}%.`,
      );
    const shares = list(params.internalShares).map((s) => dec(s));
    const yearHours = hours.mul(WEEKS_PER_YEAR);
    o.why(
      'INTERNAL_JOBCOACH',
      `Een interne jobcoach begeleidt hoogstens ${shares.map((s, i) => `${percent(s)} van de gewerkte uren in jaar ${i + 1} (${dutchNumber(yearHours.mul(s), 1)} uur)`).join(', ')}.`,
    );
  },

  niet_actief(o) {
    o.no('NOT_ACTIVE', 'Staat in de wet, maar is niet actief.');
  },

  werkervaringsplaats_premie(o, v, { facts }) {
    const params = p(v);
    const allowed = list(params.arrangements);
    if (!facts.arrangement)
      o.need('NEEDS_WERKERVARINGSPLAATS', 'De afspraak dat het een werkervaringsplaats wordt.');
    else if (!allowed.includes(facts.arrangement))
      o.no('NOT_WERKERVARINGSPLAATS', 'Alleen voor een werkervaringsplaats.');
    const full = facts.hoursPerWeek >= Number(params.minHours);
    const amount = dec(full ? params.amount : params.reducedAmount);
    const months = Number(params.periodMonths);
    o.why(
      'PREMIE_TERMS',
      `${euro(dec(params.amount))} per ${months} maanden bij ${params.minHours} uur of meer per week; daaronder ${euro(dec(params.reducedAmount))}.`,
    );
    o.amounts = { perMonth: amount.div(months).euros(), total: amount.euros() };
  },

  uitstroompremie(o, v, { facts }) {
    const params = p(v);
    paidWork(o, v, facts, 'De uitstroompremie');
    const benefits = list(params.benefitTypes);
    if (facts.benefitType && benefits.includes(facts.benefitType))
      o.why(
        'LEAVES_BENEFIT',
        `De kandidaat gaat van ${BENEFIT_LABELS[facts.benefitType]} naar werk.`,
      );
    else if (facts.benefitType)
      o.no('OTHER_BENEFIT', 'Alleen voor wie uit de bijstand gaat werken.');
    else o.need('NEEDS_BENEFIT_TYPE', 'Welke uitkering de kandidaat heeft.');
    const after = Number(params.afterMonths);
    o.why(
      'PAID_AFTER',
      `${euro(dec(params.amount))} voor de kandidaat, na ${after} maanden werk (vanaf ${dutchDate(addMonths(facts.date, after))}).`,
    );
    o.amounts = { total: dec(params.amount).euros() };
  },
};

/**
 * The item's figures on the date: provisional past the horizon of its version, or of the minimum
 * wage version its amounts lean on; the earliest of those horizons counts.
 */
function figuresOf(date: string, v: RuleVersion, wml?: RuleVersion) {
  const knownUntil = wml && wml.knownUntil < v.knownUntil ? wml.knownUntil : v.knownUntil;
  const status: FiguresStatus = date > knownUntil ? 'provisional' : 'known';
  return {
    status,
    knownUntil,
    reason: status === 'provisional' ? provisionalReason(date, knownUntil) : null,
  };
}

function outcomeOf(
  def: InstrumentDefinition,
  v: RuleVersion,
  o: Outcome,
  date: string,
  extraSources: string[] = [],
  wml?: RuleVersion,
): EngineOutcome {
  const figures = figuresOf(date, v, wml);
  if (figures.reason) o.why('FIGURES_PROVISIONAL', figures.reason);
  const status = o.status;
  if (v.indicative)
    o.why(
      'FIGURE_NOT_CERTAIN',
      'Deze regel of dit bedrag is niet zeker. Controleer het bij de instantie die het geeft.',
    );
  return {
    code: def.code,
    name: def.name,
    status,
    active: v.active,
    amounts: status === 'does_not_apply' ? {} : o.amounts,
    reasons: o.reasons,
    missing: status === 'does_not_apply' ? [] : o.missing,
    applyTo: { grantor: def.grantor, recipient: def.recipient, how: def.howToApply },
    deadline: status === 'does_not_apply' ? null : o.deadline,
    deadlineKind: status === 'does_not_apply' ? null : o.deadlineKind,
    indicative: v.indicative,
    sources: [...new Set([...v.sourceUrls, ...extraSources])],
    ruleVersion: {
      id: v.id,
      scope: v.scope,
      scopeRef: v.scopeRef,
      validFrom: v.validFrom,
      validTo: v.validTo,
      lastChecked: v.lastChecked,
      knownUntil: v.knownUntil,
    },
    figures,
  };
}

export type EngineOutcome = InstrumentOutcome & {
  deadlineKind: string | null;
  /** The minimum wage version the amounts lean on (bookkeeping for the split; not in the API). */
  wmlVersionId?: string | null;
};
export type EngineAnswer = Omit<InstrumentAnswer, 'items'> & { items: EngineOutcome[] };

/**
 * Only one LKV per employee: the highest that applies. The others no longer count (no amounts), and a
 * higher one that may still apply says it would replace the winner.
 */
function keepHighestLkv(items: EngineOutcome[], lkvCodes: Set<string>, rule: RuleVersion) {
  const lkvs = items.filter((i) => lkvCodes.has(i.code) && i.status !== 'does_not_apply');
  if (lkvs.length < 2) return;
  const perYear = (i: EngineOutcome) => i.amounts.perYear ?? 0;
  const applying = lkvs.filter((i) => i.status === 'applies');
  const pool = applying.length ? applying : lkvs;
  const winner = pool.reduce((best, i) => (perYear(i) > perYear(best) ? i : best));
  for (const item of lkvs) {
    item.sources = [...new Set([...item.sources, ...rule.sourceUrls])];
    if (item === winner) {
      item.reasons.push({
        code: 'LKV_HIGHEST',
        text: 'Er is maar één LKV per werknemer. Dit is de hoogste die geldt.',
      });
    } else if (item.status === 'may_apply' && perYear(item) > perYear(winner)) {
      item.reasons.push({
        code: 'LKV_WOULD_REPLACE',
        text: `Er is maar één LKV per werknemer. Lukt dit, dan krijgt u deze in plaats van ${winner.name}.`,
      });
    } else if (applying.length) {
      item.status = 'does_not_apply';
      item.amounts = {};
      item.missing = [];
      item.deadline = null;
      item.deadlineKind = null;
      item.reasons.unshift({
        code: 'LKV_ONLY_ONE',
        text: `Er is maar één LKV per werknemer. ${winner.name} levert meer op.`,
      });
    } else {
      item.reasons.push({
        code: 'LKV_ONLY_ONE',
        text: 'Er is maar één LKV per werknemer: u krijgt hoogstens de hoogste.',
      });
    }
  }
}

/** The answer on one date, without a split. Throws MissingRulesError when the date has no rule in force. */
function answerOn(
  facts: InstrumentFacts,
  instruments: InstrumentDefinition[],
  versions: RuleVersion[],
): EngineAnswer {
  const ordered = [...instruments].sort(
    (a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code),
  );
  const selection = selectVersions(facts, ordered, versions);
  if (selection.missing.length) throw new MissingRulesError(facts.date, selection.missing);
  const wmlDef = ordered.find((i) => i.calculator === 'wml');
  const wmlVersion = wmlDef ? selection.inForce.get(wmlDef.code) : undefined;
  const ctx: Context = {
    facts,
    wml: wmlVersion ? dec(String(wmlVersion.params.perHour)) : dec(0),
    wmlVersion,
    hours: dec(facts.hoursPerWeek),
  };
  const items: EngineOutcome[] = [];
  const used: RuleVersion[] = [];
  let oneLkv: RuleVersion | undefined;
  const lkvCodes = new Set<string>();
  for (const def of ordered) {
    const version = selection.inForce.get(def.code);
    if (def.calculator === 'one_lkv') {
      oneLkv = version;
      continue;
    }
    if (def.calculator === 'lkv') lkvCodes.add(def.code);
    if (!version) {
      const last = selection.ended.get(def.code);
      if (last) {
        used.push(last);
        const ended = new Outcome().no(
          'INSTRUMENT_ENDED',
          `Bestaat niet meer voor nieuwe werknemers sinds ${dutchDate(addDays(last.validTo as string, 1))}.`,
        );
        // The rule stopped: that is known, not provisional (its figures are as of its end).
        items.push(outcomeOf(def, last, ended, last.knownUntil));
      }
      continue;
    }
    used.push(version);
    const o = new Outcome();
    if (!version.active) CALCULATORS.niet_actief(o, version, ctx, def);
    else CALCULATORS[def.calculator](o, version, ctx, def);
    // Wage-based figures lean on the minimum wage in force: its source counts too.
    const leansOnWml = ['loonkostensubsidie', 'lkv'].includes(def.calculator) && wmlVersion;
    const item = outcomeOf(
      def,
      version,
      o,
      facts.date,
      leansOnWml ? wmlVersion.sourceUrls : [],
      leansOnWml ? wmlVersion : undefined,
    );
    items.push({ ...item, wmlVersionId: leansOnWml ? wmlVersion.id : null });
  }
  if (oneLkv?.active) {
    used.push(oneLkv);
    keepHighestLkv(items, lkvCodes, oneLkv);
  }
  return {
    date: facts.date,
    disclaimer: DISCLAIMER,
    indicative: true,
    ...summary(items),
    period: null,
    items,
    sources: [...new Set(items.flatMap((i) => i.sources))],
    ruleVersionIds: [...new Set(used.map((v) => v.id))],
  };
}

function summary(items: EngineOutcome[]) {
  const provisional = items.filter((i) => i.figures.status === 'provisional');
  return {
    status: (provisional.length ? 'provisional' : 'known') as FiguresStatus,
    provisionalReasons: [...new Set(provisional.map((i) => i.figures.reason as string))],
  };
}

/**
 * The answer for one scenario. With a contract length, the contract (from the date, whole months) is
 * split where a rule version starts, ends or passes its horizon, and each part is priced with the
 * versions of that part: its share of the total is that part's total × its days / the contract's
 * days. So a contract priced by one version throughout keeps exactly the total it had, and one that
 * crosses 1 January is priced with each year's own figures (or provisional ones). Throws
 * MissingRulesError when a date has no rule in force.
 */
export function calculateInstruments(
  facts: InstrumentFacts,
  instruments: InstrumentDefinition[],
  versions: RuleVersion[],
): EngineAnswer {
  const first = answerOn(facts, instruments, versions);
  if (!facts.contractMonths) return first;
  const to = contractEnd(facts.date, facts.contractMonths);
  const relevant = versions.filter((v) => inScope(v, facts));
  const periods = splitPeriod(facts.date, to, versionBoundaries(relevant));
  const answers = periods.map((part, i) =>
    i === 0 ? first : answerOn({ ...facts, date: part.from }, instruments, versions),
  );
  const totalDays = periods.reduce((n, p) => n + p.days, 0);
  const items = first.items.map((item) => {
    if (item.amounts.total === undefined) return item;
    // Adjacent parts priced alike (same versions, same status) are one part for this item.
    const parts: (ItemPart & { key: string; exact: Dec })[] = [];
    let sum = dec(0);
    periods.forEach((period, i) => {
      const there = answers[i].items.find((x) => x.code === item.code);
      const share = dec(there?.amounts.total ?? 0)
        .mul(period.days)
        .div(totalDays);
      sum = sum.add(share);
      const key = `${there?.ruleVersion.id}|${there?.wmlVersionId}|${there?.figures.status}`;
      const last = parts[parts.length - 1];
      if (last && last.key === key) {
        last.to = period.to;
        last.days += period.days;
        last.exact = last.exact.add(share);
        last.amount = last.exact.euros();
        return;
      }
      parts.push({
        from: period.from,
        to: period.to,
        days: period.days,
        ruleVersionId: there?.ruleVersion.id ?? item.ruleVersion.id,
        validFrom: there?.ruleVersion.validFrom ?? item.ruleVersion.validFrom,
        status: there?.figures.status ?? item.figures.status,
        amount: share.euros(),
        key,
        exact: share,
      });
    });
    const clean = parts.map(({ key: _key, exact: _exact, ...part }): ItemPart => part);
    // A later part past its horizon makes the total provisional, with the reason of that part.
    const later = clean.find((p) => p.status === 'provisional');
    const laterAnswer = later ? answers[periods.findIndex((p) => p.from === later.from)] : null;
    const laterItem = laterAnswer?.items.find((x) => x.code === item.code);
    const figures =
      item.figures.status === 'known' && laterItem?.figures.reason
        ? laterItem.figures
        : item.figures;
    const reasons =
      figures !== item.figures
        ? [
            ...item.reasons,
            {
              code: 'FIGURES_PROVISIONAL',
              text: `Vanaf ${dutchDate(later?.from as string)}: ${figures.reason as string}`,
            },
          ]
        : item.reasons;
    return {
      ...item,
      amounts: { ...item.amounts, total: sum.euros() },
      parts: clean,
      figures,
      reasons,
    };
  });
  const ids = new Set(answers.flatMap((a) => a.ruleVersionIds));
  return {
    ...first,
    ...summary(items),
    period: {
      from: facts.date,
      to,
      parts: periods.map((p, i) => ({ ...p, status: answers[i].status })),
    },
    items,
    sources: [...new Set(items.flatMap((i) => i.sources))],
    ruleVersionIds: [...ids],
  };
}
