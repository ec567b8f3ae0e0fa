import type { Arrangement, Day, Daypart, TravelMode } from '@werkbrug/domain';

/**
 * The two sides of a match, in the shape both the search documents and the TypeScript rules use.
 * The candidate side carries only the work profile: never protected data.
 */
export interface VacancyProfile {
  id: string;
  title: string;
  description: string;
  employerId: string;
  employerName: string;
  werksoortCode: string;
  werksoortName: string;
  place: string;
  lat: number;
  lng: number;
  arrangements: Arrangement[];
  hoursMin: number;
  hoursMax: number;
  workingDays: Day[];
  dayparts: Daypart[];
  hoursAdjustable: boolean;
  requiredCertificates: string[];
  desiredCertificates: string[];
  minLanguageRank: number;
  demandLifting: number;
  demandStanding: number;
  demandPace: number;
  demandStimuli: number;
  demandOutdoor: number;
  jobcoachWelcome: boolean;
  buddyAvailable: boolean;
  wheelchairAccessible: boolean;
  placesFree: number;
  status: string;
  open: boolean;
}

export interface CandidateProfile {
  id: string;
  pseudonym: string;
  organisationId: string;
  werksoortWishes: string[];
  interests: string;
  hoursMin: number;
  hoursMax: number;
  days: Day[];
  dayparts: Daypart[];
  place: string;
  lat: number;
  lng: number;
  travelMode: TravelMode;
  rangeKm: number;
  ladderRung: number;
  arrangementsAccepted: Arrangement[];
  certificates: string[];
  languageRank: number;
  abilityLifting: number;
  abilityStanding: number;
  abilityPace: number;
  abilityStimuli: number;
  abilityOutdoor: number;
  needsJobcoach: boolean;
  needsBuddy: boolean;
  needsWheelchairAccess: boolean;
  active: boolean;
}
