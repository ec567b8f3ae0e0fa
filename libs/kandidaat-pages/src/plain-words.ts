/**
 * Words for the candidate's pages: B1 Dutch with "je", no codes. Many candidates have low literacy, so every
 * code a page shows goes through here (the tests check that every code has a text).
 */
import {
  LABELS,
  type Arrangement,
  type Day,
  type Daypart,
  type TravelMode,
} from '@werkbrug/domain';
import type { BlockerCode } from '@werkbrug/matching';

export const ARRANGEMENT_WORDS: Record<Arrangement, { name: string; explain: string }> = {
  regulier: { name: 'Gewone baan', explain: 'Je krijgt een contract en loon van de werkgever.' },
  proefplaatsing: {
    name: 'Proefplaatsing',
    explain: 'Je probeert het werk een paar maanden. Je houdt je uitkering.',
  },
  detachering: {
    name: 'Detachering',
    explain:
      'Je werkt bij de werkgever, maar je contract is bij het werkbedrijf. Het doel is dat de werkgever je daarna zelf aanneemt.',
  },
  werkervaringsplaats: {
    name: 'Werkervaringsplaats',
    explain: 'Je doet werkervaring op. Je houdt je uitkering.',
  },
  stage: { name: 'Stage', explain: 'Je leert het werk op de werkplek.' },
  leerwerkbaan: {
    name: 'Leerwerkbaan',
    explain: 'Je werkt en leert tegelijk. Soms haal je er een diploma of certificaat mee.',
  },
  vrijwilligerswerk: {
    name: 'Vrijwilligerswerk',
    explain: 'Je helpt mee zonder loon. Je houdt je uitkering.',
  },
  beschut_werk: {
    name: 'Beschut werk',
    explain: 'Werk met extra hulp en begeleiding, op een rustige plek.',
  },
  groepsdetachering: {
    name: 'Werken in een groep',
    explain: 'Je werkt samen met een groep en een begeleider bij een werkgever.',
  },
};

/** For a near miss: what is missing is in the blocker text; this says who can help and how. */
export const BLOCKER_HELP: Record<BlockerCode, string> = {
  ARRANGEMENT_NOT_ACCEPTED:
    'Deze vorm past nu nog niet bij jou. Vraag je werkmakelaar wat de volgende stap is.',
  TOO_FAR: 'Vraag je werkmakelaar of er hulp is bij het reizen, bijvoorbeeld een OV-kaart.',
  HOURS_SHORT: 'Vraag je werkmakelaar of de werkgever minder uren kan aanbieden.',
  HOURS_TOO_FEW: 'Vraag je werkmakelaar of er bij deze werkgever meer uren zijn.',
  DAYS_MISMATCH: 'Vraag je werkmakelaar of de werkgever andere dagen kan aanbieden.',
  TIME_WINDOW_MISMATCH: 'Vraag je werkmakelaar of de werktijden kunnen veranderen.',
  CERTIFICATE_MISSING: 'Vraag je werkmakelaar naar een cursus.',
  LANGUAGE_LEVEL_LOW: 'Vraag je werkmakelaar naar een taalcursus.',
  DEMAND_LIFTING: 'Vraag je werkmakelaar of het werk anders kan worden verdeeld.',
  DEMAND_STANDING: 'Vraag je werkmakelaar of je ook kunt zitten, of vaker pauze kunt nemen.',
  DEMAND_PACE: 'Vraag je werkmakelaar of je in je eigen tempo kunt beginnen.',
  DEMAND_STIMULI: 'Vraag je werkmakelaar of er een rustige plek is.',
  DEMAND_OUTDOOR: 'Vraag je werkmakelaar of er ook binnenwerk is.',
  NOT_WHEELCHAIR_ACCESSIBLE: 'Vraag je werkmakelaar of de werkgever de werkplek kan aanpassen.',
  NOT_OPEN: 'Deze werkplek is nu vol. Je werkmakelaar kan je laten weten als er weer plek is.',
};

/** Days and dayparts are said the same everywhere: the catalogue's words. */
export const DAY_WORDS: Record<Day, string> = LABELS.day;

export const DAYPART_WORDS: Record<Daypart, string> = LABELS.daypart;

export const TRAVEL_WORDS: Record<TravelMode, string> = {
  lopen: 'lopen',
  fiets: 'fiets',
  ebike: 'elektrische fiets',
  ov: 'bus of trein',
  auto: 'auto',
};

/** Proposal states as the candidate reads them. */
export const PROPOSAL_STATUS_FOR_CANDIDATE: Record<string, string> = {
  voorgesteld: 'Je werkmakelaar bereidt een voorstel voor',
  wacht_op_kandidaat: 'Wacht op jouw antwoord',
  wacht_op_werkgever: 'De werkgever kijkt naar je profiel',
  kennismaking: 'Je gaat kennismaken',
  meeloopdag: 'Je gaat een dag meelopen',
  geplaatst: 'Je bent geplaatst',
  ingetrokken: 'Gestopt',
  afgewezen: 'Het gaat niet door',
};

export const INTEREST_STATUS_WORDS: Record<string, string> = {
  verstuurd: 'Verstuurd. Je werkmakelaar heeft het nog niet gezien.',
  gezien: 'Je werkmakelaar heeft het gezien.',
  voorgesteld: 'Je werkmakelaar heeft je voorgesteld bij de werkgever.',
  ingetrokken: 'Je hebt dit teruggetrokken.',
};

/** What someone did with the candidate's file, as the candidate reads it ("Een werkmakelaar ..."). */
export const AUDIT_ACTION_WORDS: Record<string, string> = {
  'candidate.read': 'heeft je dossier gelezen',
  'candidate.create': 'heeft je dossier gemaakt',
  'candidate.update': 'heeft je gegevens veranderd',
  'candidate.export': 'heeft je gegevens gedownload',
  'interest.create': 'heeft interesse doorgegeven',
  'interest.withdraw': 'heeft interesse teruggetrokken',
  'alerts.update': 'heeft de berichten veranderd',
  'alerts.unsubscribe': 'heeft de berichten gestopt',
  'consent.give': 'heeft toestemming gegeven',
  'consent.withdraw': 'heeft toestemming ingetrokken',
  'proposal.create': 'heeft je voorgesteld bij een werkgever',
  'proposal.shared_read': 'heeft je gedeelde profiel bekeken',
  'placement.create': 'heeft een plaatsing gestart',
  'placement.extend': 'heeft een plaatsing verlengd',
  'placement.end': 'heeft een plaatsing beëindigd',
  'placement.confirm': 'heeft bevestigd dat de plaatsing doorgaat',
  'placement.request_change': 'heeft een wijziging in de plaatsing gevraagd',
  'placement.adjust': 'heeft de plaatsing aangepast',
  'checkin.create': 'heeft een gesprek met je opgeschreven',
  'candidate.protected.read': 'heeft je privégegevens gebruikt',
  'candidate.instruments_read': 'heeft bekeken welke regelingen voor je gelden',
  'candidate.erase': 'heeft je gegevens verwijderd',
  'placement.instruments_read': 'heeft de regelingen bij je plaatsing bekeken',
  'placement.instruments_agree': 'heeft regelingen bij je plaatsing afgesproken',
  'ladder.measure': 'heeft opgeschreven waar je staat op de participatieladder',
  'trajectory.create': 'heeft een traject voor je gestart',
  'trajectory.end': 'heeft je traject afgesloten',
  'trajectory.hours': 'heeft uren in je traject opgeschreven',
  'trajectory.switch': 'heeft opgeschreven dat je van werkvorm wisselt',
  'trajectory.goal.create': 'heeft een leerdoel voor je opgeschreven',
  'trajectory.goal.update': 'heeft een leerdoel bijgewerkt',
  'meeting.offer': 'heeft momenten voorgesteld voor een afspraak bij een werkgever',
  'meeting.pick': 'heeft een moment gekozen voor een afspraak bij een werkgever',
  'meeting.move': 'heeft een afspraak bij een werkgever verzet',
  'meeting.cancel': 'heeft een afspraak bij een werkgever afgezegd',
  'meeting.outcome': 'heeft opgeschreven hoe een afspraak bij een werkgever ging',
};

/** Said when an action has no words of its own yet (never the code). */
export const AUDIT_ACTION_FALLBACK = 'heeft je gegevens gebruikt';

/** Who did it, as the candidate reads it. */
export const AUDIT_ACTOR_WORDS: Record<string, string> = {
  kandidaat: 'Jij',
  werkmakelaar: 'Een werkmakelaar',
  admin: 'Een beheerder',
  werkgever: 'Een werkgever',
  system: 'Werkbrug',
};

/** "3,5 km": Dutch decimal comma, at most one decimal. */
export const kmWords = (km: number) =>
  `${km.toLocaleString('nl-NL', { maximumFractionDigits: 1 })} km`;

/** "12 tot 24 uur per week", or "16 uur per week" when both ends are equal. */
export const hoursWords = (min: number, max: number) =>
  min === max ? `${min} uur per week` : `${min} tot ${max} uur per week`;

/** "maandag, dinsdag en woensdag". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

/** "29 november 2026" from YYYY-MM-DD or an ISO timestamp, in Dutch, in the Netherlands' time zone. */
export function dateWords(value: string | Date): string {
  const date =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? new Date(`${value}T12:00:00Z`)
      : new Date(value);
  return new Intl.DateTimeFormat('nl-NL', {
    dateStyle: 'long',
    timeZone: 'Europe/Amsterdam',
  }).format(date);
}
