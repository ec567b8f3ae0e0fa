import type { AlertsView } from '@werkbrug/alerts';
import type { Choice } from '@werkbrug/web';
import type { MessagesFormValues } from './messages.form';

/** kandidaat/berichten */
export type MessagesPageView = {
  title: string;
  view: { hasEmail: boolean; lastSentAt: string | null };
  values: MessagesFormValues;
  activeOptions: Choice[];
  frequencyOptions: Choice[];
};

/** The banner after saving: what the candidate will get from now on. */
export const messagesNotice = (choice: Pick<AlertsView, 'active' | 'frequency'>): string =>
  !choice.active
    ? 'Opgeslagen. Je krijgt geen e-mail meer over nieuwe werkplekken.'
    : choice.frequency === 'dagelijks'
      ? 'Opgeslagen. Je krijgt elke dag een e-mail als er een nieuwe werkplek is die bij je past.'
      : 'Opgeslagen. Je krijgt één keer per week een e-mail als er nieuwe werkplekken zijn die bij je passen.';

export const messagesValuesFrom = (alerts: AlertsView): MessagesFormValues => ({
  active: alerts.active ? 'ja' : 'nee',
  frequency: alerts.frequency,
});

export const messagesPageView = (
  alerts: Pick<AlertsView, 'hasEmail' | 'lastSentAt'>,
  values: MessagesFormValues,
): MessagesPageView => ({
  title: 'Berichten',
  view: { hasEmail: alerts.hasEmail, lastSentAt: alerts.lastSentAt },
  values,
  activeOptions: [
    { value: 'ja', text: 'Ja, stuur me een e-mail over nieuwe werkplekken' },
    { value: 'nee', text: 'Nee, liever niet' },
  ],
  frequencyOptions: [
    { value: 'dagelijks', text: 'Elke dag (alleen als er iets nieuws is)' },
    { value: 'wekelijks', text: 'Eén keer per week' },
  ],
});

/** kandidaat/berichten-stoppen: the question, the answer, or a link that does not work. */
export type UnsubscribePageView = {
  title: string;
  token: string;
  done?: boolean;
  invalid?: boolean;
};

export const unsubscribePageView = (
  token: string,
  state: 'ask' | 'done' | 'invalid',
): UnsubscribePageView =>
  state === 'invalid'
    ? { title: 'Deze link werkt niet', token, invalid: true }
    : state === 'done'
      ? { title: 'Je krijgt geen berichten meer', token, done: true }
      : { title: 'Stoppen met berichten', token, done: false };
