import { laneOf, type OutboxTopic, isOutboxTopic } from '@werkbrug/outbox';

/** What each kind of outbox message does, in the administrator's words (never the topic code). */
export const OUTBOX_TOPIC_WORDS: Record<OutboxTopic, string> = {
  'search.vacancy': 'Zoekindex bijwerken: werkplek',
  'search.candidate': 'Zoekindex bijwerken: kandidaat',
  'search.employer': 'Zoekindex bijwerken: werkgever',
  'search.werksoort': 'Zoekindex bijwerken: werksoort',
  'search.settings': 'Instellingen van de zoekindex bijwerken',
  'search.reindex': 'Zoekindex opnieuw opbouwen',
  'mail.send': 'E-mail versturen',
};

export const topicWords = (topic: string): string =>
  isOutboxTopic(topic) ? OUTBOX_TOPIC_WORDS[topic] : 'Onbekende taak';

/** Where a message stands, as the outbox page counts them (OutboxService.stats). */
export const OUTBOX_STATUS_WORDS = {
  pending: 'Wachten op verwerking',
  processing: 'Worden nu verwerkt',
  retrying: 'Worden opnieuw geprobeerd',
  dead: 'Mislukt, wachten op u',
  done: 'Klaar',
} as const;

const UNREACHABLE =
  /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|socket hang up|timed? ?out/i;

/**
 * The last error of a message as a sentence an administrator can act on. The worker's error text
 * is technical English (a server's answer, a Node error code); the page shows only these words.
 */
export function outboxErrorWords(topic: string, lastError: string | null): string {
  const error = (lastError ?? '').trim();
  if (!error) return 'Er is geen foutmelding bewaard.';
  const mail = isOutboxTopic(topic) && laneOf(topic) === 'mail';
  const server = mail ? 'de mailserver' : 'de zoekmachine';
  if (UNREACHABLE.test(error))
    return `Werkbrug kon ${server} niet bereiken. Kijk of ${server} werkt en probeer het opnieuw.`;
  if (mail && /\b535\b|auth/i.test(error))
    return 'De mailserver weigerde de aanmelding van Werkbrug. Controleer de instellingen voor het versturen van e-mail.';
  if (mail && /\b55[0-4]\b|recipient|mailbox|user unknown|no such user/i.test(error))
    return 'De mailserver weigerde het adres van de ontvanger. Controleer het e-mailadres.';
  if (mail && /template|render|unknown field|missing field/i.test(error))
    return 'Werkbrug kon het bericht niet opmaken. Vraag uw technisch beheerder om hulp.';
  if (!mail && /index_not_found|not found|\b404\b/i.test(error))
    return 'De zoekindex bestaat niet. Bouw de zoekindex opnieuw op en probeer het daarna opnieuw.';
  if (/\b[45]\d\d\b/.test(error))
    return `${mail ? 'De mailserver' : 'De zoekmachine'} gaf een foutmelding. Probeer het later opnieuw.`;
  return 'Er ging iets mis dat Werkbrug niet herkent. Vraag uw technisch beheerder om het logboek van de verwerking te bekijken.';
}
