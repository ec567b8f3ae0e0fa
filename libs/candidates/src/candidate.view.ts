import type { CandidateProtected } from './candidate-protected.entity';
import type { Candidate } from './candidate.entity';

/**
 * Response shapes per audience, explicit so that a new column stays private until someone adds it.
 * - work profile: administrators and (later) shared views; no protected data
 * - candidate file: the candidate and werkmakelaars of their organisation; includes protected data
 */
export const toWorkProfileView = (c: Candidate) => ({
  id: c.id,
  pseudonym: c.pseudonym,
  organisationId: c.organisationId,
  werkmakelaarId: c.werkmakelaarId,
  werksoortWishes: c.werksoortWishes,
  interests: c.interests,
  hoursMin: c.hoursMin,
  hoursMax: c.hoursMax,
  days: c.days,
  dayparts: c.dayparts,
  homeArea: { postcode: c.postcode, place: c.place, lat: c.lat, lng: c.lng },
  travelMode: c.travelMode,
  maxTravelKm: c.maxTravelKm,
  maxTravelMinutes: c.maxTravelMinutes,
  ladderRung: c.ladderRung,
  ladderMeasuredOn: c.ladderMeasuredOn,
  route: c.route,
  arrangements: c.arrangements,
  certificates: c.certificates,
  languageLevel: c.languageLevel,
  abilities: {
    lifting: c.abilityLifting,
    standing: c.abilityStanding,
    pace: c.abilityPace,
    stimuli: c.abilityStimuli,
    outdoor: c.abilityOutdoor,
  },
  supportNeeds: {
    jobcoach: c.needsJobcoach,
    buddy: c.needsBuddy,
    wheelchairAccess: c.needsWheelchairAccess,
  },
  trajectoryEndedOn: c.trajectoryEndedOn,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
  version: c.version,
});
export type WorkProfileView = ReturnType<typeof toWorkProfileView>;

export const toPersonalView = (p: CandidateProtected) => ({
  firstName: p.firstName,
  lastName: p.lastName,
  email: p.email,
  phone: p.phone,
  address: p.address,
  dateOfBirth: p.dateOfBirth,
  benefitType: p.benefitType,
  banenafspraak: p.banenafspraak,
  loonwaardePct: p.loonwaardePct,
  notes: p.notes,
});

export const toCandidateFileView = (c: Candidate, p: CandidateProtected | null | undefined) => ({
  ...toWorkProfileView(c),
  personal: p ? toPersonalView(p) : null,
});
export type CandidateFileView = ReturnType<typeof toCandidateFileView>;

/** List rows for werkmakelaars: the work profile plus a name to recognise the person by. */
export const toCaseloadRow = (c: Candidate) => ({
  ...toWorkProfileView(c),
  name: c.protectedData ? `${c.protectedData.firstName} ${c.protectedData.lastName}`.trim() : null,
});

/** Narrows a read of one candidate to the full file (with the protected part), as werkmakelaars get it. */
export const isCandidateFileView = (v: WorkProfileView): v is CandidateFileView => 'personal' in v;
