import { SEED_INSTRUMENTS, seedVersionsForEngine } from '../instruments.seed';
import { candidateSummary } from '../candidate-instruments.service';
import { calculateInstruments, type EngineOutcome } from './calculate';
import { dec } from './decimal';
import { checkParams } from './params';
import { DISCLAIMER, type InstrumentFacts, MissingRulesError } from './types';

const versions = seedVersionsForEngine();
const run = (facts: Partial<InstrumentFacts>) =>
  calculateInstruments(
    { date: '2026-03-01', hoursPerWeek: 24, ...facts },
    SEED_INSTRUMENTS,
    versions,
  );
const item = (facts: Partial<InstrumentFacts>, code: string): EngineOutcome => {
  const found = run(facts).items.find((i) => i.code === code);
  if (!found) throw new Error(`no item ${code}`);
  return found;
};
const codes = (i: EngineOutcome) => [...i.reasons, ...i.missing].map((r) => r.code);

describe('Dec: exact money arithmetic', () => {
  it.each([
    [
      '0.5 × 14.71 × 24 × 1.08 × 1.235',
      dec('0.5').mul('14.71').mul(24).mul('1.08').mul('1.235'),
      235.44,
    ],
    ['1.01 × 1248', dec('1.01').mul(1248), 1260.48],
    ['0.005 rounds half up', dec('0.005'), 0.01],
    ['0.1 + 0.2 is exactly 0.3', dec('0.1').add('0.2'), 0.3],
    ['2100 / 7', dec('2100').div(7), 300],
  ])('%s', (_label, value, euros) => expect(value.euros()).toBe(euros));
});

describe('the worked example: 24 h/week, loonwaarde 50%, 2026', () => {
  const facts = {
    date: '2026-03-01',
    hoursPerWeek: 24,
    loonwaardePct: 50,
    doelgroepregister: true,
    benefitType: 'participatiewet' as const,
  };

  it('LKS is €235.44 a week, about €1,020 a month', () => {
    const lks = item(facts, 'loonkostensubsidie');
    expect(lks.status).toBe('applies');
    expect(lks.amounts.perWeek).toBe(235.44);
    expect(lks.amounts.perMonth).toBe(1020.25);
    expect(Math.round(lks.amounts.perMonth as number)).toBe(1020);
    expect(lks.amounts.perYear).toBe(12243.0);
    expect(lks.deadline).toBe('2026-09-01');
    expect(lks.sources).toContain('https://zoek.officielebekendmakingen.nl/stcrt-2017-68248.html');
  });

  it('LKV banenafspraak is 1,248 h × €1.01 = €1,260 a year (€1,260.48 exactly)', () => {
    const lkv = item(facts, 'lkv_banenafspraak');
    expect(lkv.status).toBe('applies');
    expect(lkv.amounts.perYear).toBe(1260.48);
    expect(Math.round(lkv.amounts.perYear as number)).toBe(1260);
    expect(lkv.reasons.find((r) => r.code === 'LKV_FORMULA')?.text).toContain('1248 uur per jaar');
    expect(codes(lkv)).toContain('REGISTER_IS_ENOUGH');
    expect(lkv.deadline).toBeNull();
  });

  it('every answer carries the disclaimer and its sources', () => {
    const answer = run(facts);
    expect(answer.disclaimer).toBe(DISCLAIMER);
    expect(answer.disclaimer).toBe('indicatief, er zijn geen rechten aan te ontlenen');
    expect(answer.sources.length).toBeGreaterThan(5);
    for (const i of answer.items) expect(i.sources.length).toBeGreaterThan(0);
  });
});

describe('every seeded instrument, with worked examples', () => {
  it.each<[string, Partial<InstrumentFacts>, string, string, Record<string, number>, string[]]>([
    [
      'WML reference',
      { hoursPerWeek: 24 },
      'wml',
      'applies',
      { perWeek: 353.04, perYear: 18358.08 },
      ['WML_REFERENCE'],
    ],
    ['WML under 21', { age: 19 }, 'wml', 'applies', {}, ['WML_YOUTH']],
    [
      'LKS cap 70% at loonwaarde 20%, 40 h',
      { hoursPerWeek: 40, loonwaardePct: 20, benefitType: 'participatiewet' },
      'loonkostensubsidie',
      'applies',
      { perWeek: 549.37 },
      ['LKS_FORMULA'],
    ],
    [
      'LKS without loonwaarde',
      { benefitType: 'participatiewet' },
      'loonkostensubsidie',
      'may_apply',
      {},
      ['NEEDS_LOONWAARDE'],
    ],
    [
      'LKS at loonwaarde 100%',
      { loonwaardePct: 100, benefitType: 'participatiewet' },
      'loonkostensubsidie',
      'does_not_apply',
      {},
      ['LOONWAARDE_FULL'],
    ],
    [
      'LKS for WW',
      { loonwaardePct: 60, benefitType: 'ww' },
      'loonkostensubsidie',
      'does_not_apply',
      {},
      ['NOT_PARTICIPATIEWET'],
    ],
    [
      'LKS on a proefplaatsing',
      { loonwaardePct: 60, benefitType: 'participatiewet', arrangement: 'proefplaatsing' },
      'loonkostensubsidie',
      'does_not_apply',
      {},
      ['NO_PAID_JOB'],
    ],
    [
      'LKS total over 12 months',
      { loonwaardePct: 50, benefitType: 'participatiewet', contractMonths: 12 },
      'loonkostensubsidie',
      'applies',
      { total: 12243.0 },
      [],
    ],
    [
      'LKV banenafspraak unknown register',
      {},
      'lkv_banenafspraak',
      'may_apply',
      {},
      ['NEEDS_DOELGROEPREGISTER'],
    ],
    [
      'LKV banenafspraak capped at €2,000',
      { hoursPerWeek: 40, doelgroepregister: true },
      'lkv_banenafspraak',
      'applies',
      { perYear: 2000 },
      [],
    ],
    [
      'LKV banenafspraak wage above 125% WML',
      { doelgroepregister: true, hourlyWage: 18.5 },
      'lkv_banenafspraak',
      'does_not_apply',
      {},
      ['WAGE_ABOVE_LKV_LIMIT'],
    ],
    [
      'LKV arbeidsgehandicapt, Wajong',
      { benefitType: 'wajong', contractMonths: 48 },
      'lkv_arbeidsgehandicapt',
      'applies',
      { perYear: 3806.4, total: 11419.2 },
      ['DOELGROEPVERKLARING_WITHIN'],
    ],
    [
      'LKV arbeidsgehandicapt capped at €6,000',
      { hoursPerWeek: 40, benefitType: 'wia' },
      'lkv_arbeidsgehandicapt',
      'applies',
      { perYear: 6000 },
      [],
    ],
    [
      'LKV arbeidsgehandicapt, WW',
      { benefitType: 'ww' },
      'lkv_arbeidsgehandicapt',
      'does_not_apply',
      {},
      ['NO_DISABILITY_BENEFIT'],
    ],
    [
      'LKV oudere in 2026',
      { age: 60, benefitType: 'ww' },
      'lkv_oudere',
      'does_not_apply',
      {},
      ['INSTRUMENT_ENDED'],
    ],
    [
      'no-riskpolis, register',
      { doelgroepregister: true },
      'no_riskpolis',
      'applies',
      {},
      ['NO_RISK_COVER'],
    ],
    [
      'no-riskpolis, WIA',
      { doelgroepregister: false, benefitType: 'wia' },
      'no_riskpolis',
      'applies',
      {},
      ['DISABILITY_BENEFIT'],
    ],
    [
      'no-riskpolis, WW',
      { doelgroepregister: false, benefitType: 'ww' },
      'no_riskpolis',
      'does_not_apply',
      {},
      ['NOT_IN_TARGET_GROUP'],
    ],
    [
      'proefplaatsing UWV',
      { arrangement: 'proefplaatsing', benefitType: 'ww', contractMonths: 12 },
      'proefplaatsing_uwv',
      'applies',
      {},
      ['PROEFPLAATSING_TERMS'],
    ],
    [
      'proefplaatsing UWV, contract too short',
      { arrangement: 'proefplaatsing', benefitType: 'ww', contractMonths: 3 },
      'proefplaatsing_uwv',
      'does_not_apply',
      {},
      ['CONTRACT_TOO_SHORT'],
    ],
    [
      'proefplaatsing UWV, bijstand',
      { arrangement: 'proefplaatsing', benefitType: 'participatiewet' },
      'proefplaatsing_uwv',
      'does_not_apply',
      {},
      ['OTHER_BENEFIT'],
    ],
    [
      'proefplaatsing gemeente',
      { arrangement: 'proefplaatsing', benefitType: 'participatiewet' },
      'proefplaatsing_gemeente',
      'applies',
      {},
      ['FIGURE_NOT_CERTAIN'],
    ],
    [
      'proefplaatsing on a regular job',
      { arrangement: 'regulier', benefitType: 'participatiewet' },
      'proefplaatsing_gemeente',
      'does_not_apply',
      {},
      ['NOT_PROEFPLAATSING'],
    ],
    [
      'jobcoaching',
      { contractMonths: 12, loonwaardePct: 50 },
      'jobcoaching',
      'applies',
      {},
      ['INTERNAL_JOBCOACH'],
    ],
    [
      'jobcoaching exception at 10 h',
      { hoursPerWeek: 10, contractMonths: 12, loonwaardePct: 50 },
      'jobcoaching',
      'may_apply',
      {},
      ['NEEDS_EXCEPTION'],
    ],
    [
      'jobcoaching exception at loonwaarde 25%',
      { contractMonths: 12, loonwaardePct: 25 },
      'jobcoaching',
      'may_apply',
      {},
      ['NEEDS_EXCEPTION'],
    ],
    [
      'jobcoaching at 6 h',
      { hoursPerWeek: 6, contractMonths: 12, loonwaardePct: 50 },
      'jobcoaching',
      'does_not_apply',
      {},
      ['TOO_FEW_HOURS'],
    ],
    [
      'jobcoaching, short contract',
      { contractMonths: 3, loonwaardePct: 50 },
      'jobcoaching',
      'does_not_apply',
      {},
      ['CONTRACT_TOO_SHORT'],
    ],
    [
      'banenafspraakbonus',
      { doelgroepregister: true },
      'banenafspraakbonus',
      'does_not_apply',
      {},
      ['NOT_ACTIVE'],
    ],
    ['inclusiviteitsopslag', {}, 'inclusiviteitsopslag', 'does_not_apply', {}, ['NOT_ACTIVE']],
    [
      'werkervaringsplaats premie, 16 h, Woerden',
      { gemeente: 'Woerden', arrangement: 'werkervaringsplaats', hoursPerWeek: 16 },
      'werkervaringsplaats_premie',
      'applies',
      { total: 2100, perMonth: 300 },
      [],
    ],
    [
      'werkervaringsplaats premie, 12 h',
      { gemeente: 'woerden', arrangement: 'werkervaringsplaats', hoursPerWeek: 12 },
      'werkervaringsplaats_premie',
      'applies',
      { total: 1050, perMonth: 150 },
      [],
    ],
    [
      'uitstroompremie, Woerden',
      { gemeente: 'Woerden', benefitType: 'participatiewet' },
      'uitstroompremie',
      'applies',
      { total: 750 },
      ['PAID_AFTER'],
    ],
  ])('%s', (_label, facts, code, status, amounts, reasonCodes) => {
    const i = item(facts, code);
    expect(i.status).toBe(status);
    expect(i.amounts).toMatchObject(amounts);
    for (const c of reasonCodes) expect(codes(i)).toContain(c);
    if (status === 'does_not_apply') expect(i.amounts).toEqual({});
  });

  it('leaves gemeente rules out of other gemeenten', () => {
    const answer = run({ gemeente: 'Utrecht' });
    expect(answer.items.map((i) => i.code)).not.toContain('werkervaringsplaats_premie');
    expect(answer.items.map((i) => i.code)).not.toContain('uitstroompremie');
  });

  it('marks the switched-off rules as not active', () => {
    expect(item({}, 'banenafspraakbonus').active).toBe(false);
    expect(item({}, 'loonkostensubsidie').active).toBe(true);
  });

  it('is deterministic', () => {
    const facts = { loonwaardePct: 42, benefitType: 'wajong' as const, doelgroepregister: true };
    expect(JSON.stringify(run(facts))).toBe(JSON.stringify(run(facts)));
  });
});

describe('the 31-12-2025 / 1-1-2026 boundary', () => {
  const facts = {
    hoursPerWeek: 24,
    loonwaardePct: 50,
    benefitType: 'participatiewet' as const,
    doelgroepregister: true,
    age: 58,
  };
  const on = (date: string) => run({ ...facts, date });

  it.each([
    ['2025-12-31', 'wml', 'applies', 345.6],
    ['2026-01-01', 'wml', 'applies', 353.04],
    ['2025-12-31', 'loonkostensubsidie', 'applies', 230.48],
    ['2026-01-01', 'loonkostensubsidie', 'applies', 235.44],
  ])('%s %s: %s, €%s a week', (date, code, status, perWeek) => {
    const i = on(date).items.find((x) => x.code === code) as EngineOutcome;
    expect(i.status).toBe(status);
    expect(i.amounts.perWeek).toBe(perWeek);
  });

  it('LKV oudere applies on 31-12-2025 and has ended on 1-1-2026', () => {
    const before = on('2025-12-31').items.find((i) => i.code === 'lkv_oudere') as EngineOutcome;
    const after = on('2026-01-01').items.find((i) => i.code === 'lkv_oudere') as EngineOutcome;
    expect(before.status).toBe('applies');
    expect(before.amounts.perYear).toBe(3806.4);
    expect(before.deadline).toBe('2026-03-31');
    expect(after.status).toBe('does_not_apply');
    expect(after.reasons[0]).toEqual({
      code: 'INSTRUMENT_ENDED',
      text: 'Bestaat niet meer voor nieuwe werknemers sinds 1 januari 2026.',
    });
  });

  it('LKV banenafspraak needs a doelgroepverklaring before 2026, not after', () => {
    const before = on('2025-12-31').items.find(
      (i) => i.code === 'lkv_banenafspraak',
    ) as EngineOutcome;
    const after = on('2026-01-01').items.find(
      (i) => i.code === 'lkv_banenafspraak',
    ) as EngineOutcome;
    expect(codes(before)).toContain('DOELGROEPVERKLARING_WITHIN');
    expect(codes(after)).toContain('REGISTER_IS_ENOUGH');
    expect(after.deadline).toBeNull();
  });

  it('uses different rule versions on either side', () => {
    const a = new Set(on('2025-12-31').ruleVersionIds);
    const b = new Set(on('2026-01-01').ruleVersionIds);
    expect([...a].filter((id) => !b.has(id)).length).toBeGreaterThan(0);
  });

  it('refuses a date before the seeded range and names the missing rules', () => {
    expect(() => on('2024-12-31')).toThrow(MissingRulesError);
    try {
      on('2024-12-31');
    } catch (error) {
      expect((error as MissingRulesError).codes).toContain('wml');
      expect((error as MissingRulesError).codes).toContain('loonkostensubsidie');
    }
  });
});

describe('only one LKV per employee: the highest', () => {
  it.each<[string, Partial<InstrumentFacts>, string, string[]]>([
    [
      'Wajong in the register: arbeidsgehandicapt wins',
      { benefitType: 'wajong', doelgroepregister: true },
      'lkv_arbeidsgehandicapt',
      ['lkv_banenafspraak'],
    ],
    [
      'WIA in the register at 40 h: the €6,000 cap still wins',
      { hoursPerWeek: 40, benefitType: 'wia', doelgroepregister: true },
      'lkv_arbeidsgehandicapt',
      ['lkv_banenafspraak'],
    ],
    [
      '58, WW and in the register in 2025: oudere wins',
      { date: '2025-06-01', age: 58, benefitType: 'ww', doelgroepregister: true },
      'lkv_oudere',
      ['lkv_banenafspraak'],
    ],
  ])('%s', (_label, facts, winner, losers) => {
    const answer = run(facts);
    const won = answer.items.find((i) => i.code === winner) as EngineOutcome;
    expect(won.status).toBe('applies');
    expect(codes(won)).toContain('LKV_HIGHEST');
    for (const code of losers) {
      const lost = answer.items.find((i) => i.code === code) as EngineOutcome;
      expect(lost.status).toBe('does_not_apply');
      expect(lost.reasons[0].code).toBe('LKV_ONLY_ONE');
      expect(lost.amounts).toEqual({});
    }
    const applying = answer.items.filter(
      (i) => i.code.startsWith('lkv_') && i.status === 'applies',
    );
    expect(applying).toHaveLength(1);
  });

  it('keeps a higher LKV that may still apply, saying it would replace the winner', () => {
    const answer = run({ doelgroepregister: true });
    const arbeid = answer.items.find((i) => i.code === 'lkv_arbeidsgehandicapt') as EngineOutcome;
    expect(arbeid.status).toBe('may_apply');
    expect(codes(arbeid)).toContain('LKV_WOULD_REPLACE');
    expect(answer.items.find((i) => i.code === 'lkv_banenafspraak')?.status).toBe('applies');
  });
});

describe('rule parameters are checked against the calculator', () => {
  it.each<[string, string, Record<string, unknown>, string[]]>([
    ['a valid wml', 'wml', { perHour: '14.95', minAge: 21 }, []],
    [
      'a number instead of a decimal string',
      'wml',
      { perHour: 14.95, minAge: 21 },
      ['params.perHour'],
    ],
    ['an unknown key', 'wml', { perHour: '14.95', minAge: 21, bonus: '1' }, ['params.bonus']],
    ['a missing key', 'loonkostensubsidie', { maxShare: '0.7' }, ['params.vakantiebijslag']],
    [
      'an unknown lkv target',
      'lkv',
      { target: 'x', perHour: '1', maxPerYear: '2', maxWageFactor: '1.25', arrangements: [] },
      ['params.target'],
    ],
  ])('%s', (_label, calculator, params, fields) => {
    const errors = checkParams(calculator as never, params).map((e) => e.field);
    if (!fields.length) expect(errors).toEqual([]);
    for (const f of fields) expect(errors).toContain(f);
  });

  it('every seeded version fits its calculator', () => {
    for (const v of versions) {
      const def = SEED_INSTRUMENTS.find((i) => i.code === v.instrumentCode);
      expect(def).toBeDefined();
      expect(checkParams(def!.calculator, v.params)).toEqual([]);
    }
  });
});

describe('the candidate’s one-line summary (B1)', () => {
  it.each<[string, Partial<InstrumentFacts>, string, string]>([
    [
      'applies, for the employer',
      { loonwaardePct: 50, benefitType: 'participatiewet' },
      'loonkostensubsidie',
      'Je werkgever kan dit waarschijnlijk krijgen.',
    ],
    [
      'applies, for the candidate',
      { gemeente: 'Woerden', benefitType: 'participatiewet' },
      'uitstroompremie',
      'Jij kunt dit waarschijnlijk krijgen.',
    ],
    [
      'may apply',
      { benefitType: 'participatiewet' },
      'loonkostensubsidie',
      'Je werkgever kan dit misschien krijgen. Eerst is nodig: een loonwaardebepaling: hoeveel van het werk de kandidaat kan doen.',
    ],
    [
      'does not apply',
      { loonwaardePct: 100, benefitType: 'participatiewet' },
      'loonkostensubsidie',
      'Dit geldt niet. Met een loonwaarde van 100% is er geen loonkostensubsidie.',
    ],
    ['not active', {}, 'inclusiviteitsopslag', 'Deze regeling bestaat nog niet.'],
  ])('%s', (_label, facts, code, text) => {
    expect(candidateSummary(item(facts, code))).toBe(text);
  });
});

describe('horizons: provisional figures and contracts split at version boundaries', () => {
  const scenario = {
    hoursPerWeek: 24,
    loonwaardePct: 50,
    doelgroepregister: true,
    benefitType: 'participatiewet' as const,
  };
  // The 2027 minimum wage as an administrator would enter it: the 2026 version then ends on 31-12-2026.
  const with2027 = versions
    .map((v) =>
      v.instrumentCode === 'wml' && v.validTo === null ? { ...v, validTo: '2026-12-31' } : v,
    )
    .concat({
      ...versions.find((v) => v.instrumentCode === 'wml' && v.validTo === null)!,
      id: 'wml-2027',
      params: { perHour: '15.00', minAge: 21 },
      validFrom: '2027-01-01',
      validTo: null,
      knownUntil: '2027-06-30',
    });
  const on = (date: string, rules = versions, extra: Partial<InstrumentFacts> = {}) =>
    calculateInstruments({ date, ...scenario, ...extra }, SEED_INSTRUMENTS, rules);
  const pick = (answer: ReturnType<typeof on>, code: string) =>
    answer.items.find((i) => i.code === code) as EngineOutcome;

  it.each([
    ['on the horizon', '2026-12-31', versions, 'known', null],
    [
      'one day after the horizon',
      '2027-01-01',
      versions,
      'provisional',
      'De bedragen voor 2027 zijn nog niet ingevoerd; dit is berekend met die van 2026.',
    ],
    ['a 2027 version closes the gap', '2027-03-01', with2027, 'known', null],
    [
      'past the new version’s horizon (1 July)',
      '2027-07-01',
      with2027,
      'provisional',
      'De bedragen vanaf 1 juli 2027 zijn nog niet ingevoerd; dit is berekend met die van daarvoor.',
    ],
  ])('the minimum wage %s (%s)', (_name, date, rules, status, reason) => {
    const answer = on(date, rules);
    const wml = pick(answer, 'wml');
    expect([wml.figures.status, wml.figures.reason]).toEqual([status, reason]);
    // LKS leans on the minimum wage: it is never more certain than the minimum wage.
    if (status === 'provisional')
      expect(pick(answer, 'loonkostensubsidie').figures.status).toBe('provisional');
    if (reason) {
      expect(answer.status).toBe('provisional');
      expect(answer.provisionalReasons).toContain(reason);
      expect(codes(wml)).toContain('FIGURES_PROVISIONAL');
    }
  });

  it('past the horizon uses the last known figures (2026), marked provisional', () => {
    const lks = pick(on('2027-07-15'), 'loonkostensubsidie');
    expect(lks.amounts.perWeek).toBe(235.44);
    expect(lks.figures).toEqual({
      status: 'provisional',
      knownUntil: '2026-12-31',
      reason: 'De bedragen voor 2027 zijn nog niet ingevoerd; dit is berekend met die van 2026.',
    });
  });

  it('an instrument that stopped is not provisional: it stopped', () => {
    expect(pick(on('2027-03-01', versions, { age: 58 }), 'lkv_oudere').figures.status).toBe(
      'known',
    );
  });

  it.each([
    [
      '12 months from 2026-12-15, no 2027 figures: 17 days known, the rest provisional',
      versions,
      [
        ['2026-12-15', '2026-12-31', 17, 'known'],
        ['2027-01-01', '2027-12-14', 348, 'provisional'],
      ],
    ],
    [
      'the same with the 2027 minimum wage: known up to its horizon on 30 June 2027',
      with2027,
      [
        ['2026-12-15', '2026-12-31', 17, 'known'],
        ['2027-01-01', '2027-06-30', 181, 'known'],
        ['2027-07-01', '2027-12-14', 167, 'provisional'],
      ],
    ],
  ])('%s', (_name, rules, expected) => {
    const answer = on('2026-12-15', rules, { contractMonths: 12 });
    const lks = pick(answer, 'wml');
    expect(lks.parts?.map((p) => [p.from, p.to, p.days, p.status])).toEqual(expected);
    expect(answer.period?.from).toBe('2026-12-15');
    expect(answer.period?.to).toBe('2027-12-14');
    // The parts add up to the total (each part rounded to cents on its own: at most a cent apart per part).
    const sum = (lks.parts ?? []).reduce((n, p) => n + p.amount, 0);
    expect(Math.abs(sum - (lks.amounts.total as number))).toBeLessThanOrEqual(0.02);
    expect(lks.figures.status).toBe('provisional');
  });

  it('prices each part with its own version: 2026 figures for 17 days, 2027 for the rest', () => {
    const wml = pick(on('2026-12-15', with2027, { contractMonths: 12 }), 'wml');
    // A year of 24 h/week: 14.71 × 24 × 52 in 2026, 15.00 × 24 × 52 in 2027.
    const year2026 = dec('14.71').mul(24).mul(52);
    const year2027 = dec('15.00').mul(24).mul(52);
    expect(wml.parts?.map((p) => p.amount)).toEqual([
      year2026.mul(17).div(365).euros(),
      year2027.mul(181).div(365).euros(),
      year2027.mul(167).div(365).euros(),
    ]);
    expect(wml.amounts.total).toBe(
      year2026.mul(17).div(365).add(year2027.mul(348).div(365)).euros(),
    );
    // LKS has no 2027 figures of its own yet: the 2027 parts stay provisional.
    const lks = pick(on('2026-12-15', with2027, { contractMonths: 12 }), 'loonkostensubsidie');
    expect(lks.parts?.slice(1).every((p) => p.status === 'provisional')).toBe(true);
  });

  it('a contract inside one version keeps its total to the cent (the 2026 bar)', () => {
    const lks = pick(on('2026-01-01', versions, { contractMonths: 12 }), 'loonkostensubsidie');
    expect(lks.amounts.total).toBe(12243);
    expect(lks.parts).toHaveLength(1);
    expect(lks.figures.status).toBe('known');
  });

  it('across 1 July: a minimum wage version from 1 July splits the contract there', () => {
    const july = with2027.concat({
      ...with2027.find((v) => v.id === 'wml-2027')!,
      id: 'wml-2027b',
      params: { perHour: '15.20', minAge: 21 },
      validFrom: '2027-07-01',
      knownUntil: '2027-12-31',
    });
    const closed = july.map((v) => (v.id === 'wml-2027' ? { ...v, validTo: '2027-06-30' } : v));
    const wml = pick(on('2027-06-01', closed, { contractMonths: 2 }), 'wml');
    expect(wml.parts?.map((p) => [p.from, p.to, p.ruleVersionId, p.status])).toEqual([
      ['2027-06-01', '2027-06-30', 'wml-2027', 'known'],
      ['2027-07-01', '2027-07-31', 'wml-2027b', 'known'],
    ]);
  });
});
