import { AttentionFacts, attentionFor, attentionRank } from './attention-rules';

const TODAY = '2026-11-29';
const calm: AttentionFacts = {
  inTrajectory: true,
  lastContactOn: '2026-11-25',
  createdOn: '2026-01-10',
  nearestPlannedEnd: null,
  consentWaiting: 0,
  employerAnswerWaiting: 0,
  newInterestSignals: 0,
  ladderMeasuredOn: '2026-10-01',
  completenessScore: 90,
};

describe('attentionFor', () => {
  it.each<[string, Partial<AttentionFacts>, string[], RegExp | null]>([
    ['nothing to do', {}, [], null],
    ['contact 13 days ago is fine', { lastContactOn: '2026-11-16' }, [], null],
    [
      'contact 14 days ago breaks the rhythm',
      { lastContactOn: '2026-11-15' },
      ['NO_CONTACT'],
      /14 dagen/,
    ],
    [
      'never any contact counts from entering the caseload',
      { lastContactOn: null, createdOn: '2026-11-01' },
      ['NO_CONTACT'],
      /Nog geen contact/,
    ],
    [
      'a new candidate without contact yet is fine',
      { lastContactOn: null, createdOn: '2026-11-20' },
      [],
      null,
    ],
    [
      'no rhythm after the trajectory ended',
      { inTrajectory: false, lastContactOn: '2026-01-01' },
      [],
      null,
    ],
    ['placement ends today', { nearestPlannedEnd: '2026-11-29' }, ['PLACEMENT_ENDING'], /vandaag/],
    [
      'placement ends in 14 days',
      { nearestPlannedEnd: '2026-12-13' },
      ['PLACEMENT_ENDING'],
      /14 dagen/,
    ],
    ['placement ends in 15 days', { nearestPlannedEnd: '2026-12-14' }, [], null],
    [
      'planned end already past is not "ending soon"',
      { nearestPlannedEnd: '2026-11-28' },
      [],
      null,
    ],
    ['one interest signal', { newInterestSignals: 1 }, ['INTEREST_SIGNAL'], /1 werkplek$/],
    ['two consents waiting', { consentWaiting: 2 }, ['CONSENT_WAITING'], /2 voorstellen/],
    ['employer answer waiting', { employerAnswerWaiting: 1 }, ['EMPLOYER_ANSWER_WAITING'], null],
    ['ladder 6 months old', { ladderMeasuredOn: '2026-05-29' }, [], null],
    ['ladder older than 6 months', { ladderMeasuredOn: '2026-05-28' }, ['LADDER_OUTDATED'], null],
    ['profile 69% complete', { completenessScore: 69 }, ['PROFILE_INCOMPLETE'], /69%/],
    ['profile 70% complete', { completenessScore: 70 }, [], null],
    [
      'everything at once, most urgent first',
      {
        lastContactOn: null,
        nearestPlannedEnd: '2026-12-01',
        consentWaiting: 1,
        employerAnswerWaiting: 1,
        newInterestSignals: 3,
        ladderMeasuredOn: '2025-01-01',
        completenessScore: 40,
      },
      [
        'PLACEMENT_ENDING',
        'NO_CONTACT',
        'INTEREST_SIGNAL',
        'CONSENT_WAITING',
        'EMPLOYER_ANSWER_WAITING',
        'LADDER_OUTDATED',
        'PROFILE_INCOMPLETE',
      ],
      null,
    ],
  ])('%s', (_name, change, codes, text) => {
    const items = attentionFor({ ...calm, ...change }, TODAY);
    expect(items.map((i) => i.code)).toEqual(codes);
    if (text) expect(items[0]?.text).toMatch(text);
  });
});

describe('attentionRank', () => {
  it.each<[string, Partial<AttentionFacts>, Partial<AttentionFacts>]>([
    [
      'ending placement before no contact',
      { nearestPlannedEnd: '2026-12-01' },
      { lastContactOn: null },
    ],
    [
      'more items first at the same urgency',
      { consentWaiting: 1, completenessScore: 10 },
      { consentWaiting: 1 },
    ],
    ['anything before nothing', { completenessScore: 10 }, {}],
  ])('%s', (_name, a, b) => {
    const rank = (f: Partial<AttentionFacts>) =>
      attentionRank(attentionFor({ ...calm, ...f }, TODAY));
    const [ra, rb] = [rank(a), rank(b)];
    expect(ra[0] < rb[0] || (ra[0] === rb[0] && ra[1] < rb[1])).toBe(true);
  });
});
