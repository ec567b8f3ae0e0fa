import type { ResolvedLocation } from '@werkbrug/domain';
import type { UpdateCandidateDto, WorkProfileFields } from './candidate.dto';
import type { Candidate } from './candidate.entity';

/** Copies the work-profile fields present in a create or update body onto the entity. */
export function applyWorkProfile(
  c: Candidate,
  dto: Partial<WorkProfileFields> | UpdateCandidateDto,
  home: ResolvedLocation | null,
) {
  if (dto.werksoortWishes !== undefined) c.werksoortWishes = dto.werksoortWishes;
  if (dto.interests !== undefined) c.interests = dto.interests.trim();
  if (dto.hoursMin !== undefined) c.hoursMin = dto.hoursMin;
  if (dto.hoursMax !== undefined) c.hoursMax = dto.hoursMax;
  if (dto.days !== undefined) c.days = dto.days;
  if (dto.dayparts !== undefined) c.dayparts = dto.dayparts;
  if (home)
    Object.assign(c, { postcode: home.postcode, place: home.place, lat: home.lat, lng: home.lng });
  if (dto.travelMode !== undefined) c.travelMode = dto.travelMode;
  if (dto.maxTravelKm !== undefined) c.maxTravelKm = dto.maxTravelKm;
  if (dto.maxTravelMinutes !== undefined) c.maxTravelMinutes = dto.maxTravelMinutes;
  if (dto.ladderRung !== undefined) c.ladderRung = dto.ladderRung;
  if (dto.ladderMeasuredOn !== undefined) c.ladderMeasuredOn = dto.ladderMeasuredOn;
  if (dto.route !== undefined) c.route = dto.route;
  if (dto.arrangements !== undefined) c.arrangements = dto.arrangements;
  if (dto.certificates !== undefined) c.certificates = dto.certificates;
  if (dto.languageLevel !== undefined) c.languageLevel = dto.languageLevel;
  if (dto.abilities !== undefined) {
    c.abilityLifting = dto.abilities.lifting;
    c.abilityStanding = dto.abilities.standing;
    c.abilityPace = dto.abilities.pace;
    c.abilityStimuli = dto.abilities.stimuli;
    c.abilityOutdoor = dto.abilities.outdoor;
  }
  if (dto.supportNeeds !== undefined) {
    c.needsJobcoach = dto.supportNeeds.jobcoach ?? c.needsJobcoach ?? false;
    c.needsBuddy = dto.supportNeeds.buddy ?? c.needsBuddy ?? false;
    c.needsWheelchairAccess = dto.supportNeeds.wheelchairAccess ?? c.needsWheelchairAccess ?? false;
  }
  if (dto.trajectoryEndedOn !== undefined) c.trajectoryEndedOn = dto.trajectoryEndedOn;
}
