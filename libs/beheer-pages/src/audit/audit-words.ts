import { LABELS } from '@werkbrug/domain';
import { AUDIT_ACTION_FALLBACK, AUDIT_ACTION_WORDS } from '@werkbrug/kandidaat-pages';

/** Actions about something other than a candidate: words of their own, for the administrator. */
const NOT_ABOUT_A_CANDIDATE: Record<string, string> = {
  'instrument.rule_version.create': 'heeft een nieuwe versie van een regeling ingevoerd',
  'organisation.identity_provider.save': 'heeft inloggen via de eigen organisatie ingesteld',
  'organisation.identity_provider.remove': 'heeft inloggen via de eigen organisatie uitgezet',
  'sign_in.oidc': 'heeft ingelogd via de eigen organisatie',
  'sign_in.oidc_refused': 'kon niet inloggen via de eigen organisatie (geweigerd)',
  'auth.sign_in': 'is ingelogd',
  'auth.second_factor_failed': 'heeft een verkeerde inlogcode ingevuld',
  'auth.recovery_code_used': 'heeft met een herstelcode ingelogd',
  'auth.second_factor_enrolled': 'heeft een authenticator-app ingesteld',
  'auth.second_factor_reset': 'heeft de authenticator-app van een gebruiker gewist',
  'session.end': 'heeft sessies beëindigd',
  'user.create': 'heeft een account gemaakt',
  'user.invite': 'heeft iemand uitgenodigd',
  'user.invite_resend': 'heeft een uitnodiging opnieuw gestuurd',
  'user.update': 'heeft een account gewijzigd',
  'werksoort.merge': 'heeft werksoorten samengevoegd',
  'import.compare': 'heeft een importbestand vergeleken met de gegevens van de organisatie',
};

/** The candidate's things that are "het" words; the rest take "de". */
const HET_WORDS = new Set(['dossier', 'gedeelde profiel', 'profiel', 'traject']);
const NOUNS = /\bje (gedeelde profiel|dossier|profiel|traject|privégegevens|gegevens|plaatsing)\b/g;

/**
 * The candidate's words for an action ("heeft je dossier gelezen", kandidaat-pages plain-words.ts),
 * said about the candidate to an administrator ("heeft het dossier van de kandidaat gelezen"): one
 * list of words for both, so a new action needs words only once.
 */
export function aboutTheCandidate(words: string): string {
  return words
    .replace(
      NOUNS,
      (_m, noun: string) => `${HET_WORDS.has(noun) ? 'het' : 'de'} ${noun} van de kandidaat`,
    )
    .replace(/\bjouw\b/g, 'het')
    .replace(/\bje\b/g, 'de kandidaat');
}

/** What an audit line says happened, for the logboek page. */
export function auditActionWords(action: string): string {
  return (
    NOT_ABOUT_A_CANDIDATE[action] ??
    aboutTheCandidate(AUDIT_ACTION_WORDS[action] ?? AUDIT_ACTION_FALLBACK)
  );
}

/** The actions the logboek can filter on, in words, sorted by them. */
export function auditActionChoices(): { value: string; text: string }[] {
  return [...Object.keys(AUDIT_ACTION_WORDS), ...Object.keys(NOT_ABOUT_A_CANDIDATE)]
    .map((value) => ({ value, text: auditActionWords(value).replace(/^heeft /, '') }))
    .sort((a, b) => a.text.localeCompare(b.text, 'nl'));
}

/** Who wrote the line: the role in words ("Werkmakelaar"), or Werkbrug itself. */
export const auditActorRoleWords = (role: string): string =>
  role === 'system'
    ? 'Werkbrug zelf'
    : ((LABELS.role as Record<string, string>)[role] ?? 'Onbekend');
