import { DEMAND_SCALE } from '@werkbrug/domain';
import type { CandidateProfile, VacancyProfile } from './match-profiles';
import { LANGUAGE_LABELS } from './matching-rules';

/** The workplace as shown in a match list. */
export const vacancySummary = (v: VacancyProfile) => ({
  id: v.id,
  title: v.title,
  employerName: v.employerName,
  werksoort: { code: v.werksoortCode, name: v.werksoortName },
  place: v.place,
  arrangements: v.arrangements,
  hoursMin: v.hoursMin,
  hoursMax: v.hoursMax,
});

/**
 * A pseudonymous work profile: no name, contact, benefit, banenafspraak, loonwaarde or notes.
 * Abilities are phrased as work conditions ("licht tillen"), not as health.
 */
export const anonymousProfile = (c: CandidateProfile) => ({
  id: c.id,
  pseudonym: `Kandidaat ${c.pseudonym}`,
  place: c.place,
  werksoortWishes: c.werksoortWishes,
  hoursMin: c.hoursMin,
  hoursMax: c.hoursMax,
  days: c.days,
  dayparts: c.dayparts,
  certificates: c.certificates,
  languageLevel: LANGUAGE_LABELS[c.languageRank] ?? 'geen',
  workConditions: [
    DEMAND_SCALE.lifting[c.abilityLifting],
    DEMAND_SCALE.standing[c.abilityStanding],
    DEMAND_SCALE.pace[c.abilityPace],
    DEMAND_SCALE.stimuli[c.abilityStimuli],
    DEMAND_SCALE.outdoor[c.abilityOutdoor],
  ],
  wantsJobcoach: c.needsJobcoach,
});
