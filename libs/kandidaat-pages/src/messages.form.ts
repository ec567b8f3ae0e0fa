import { field, type DtoFieldWords, type FormBody } from '@werkbrug/web';

/** The alerts form as typed: "ja"/"nee" and how often. */
export type MessagesFormValues = { active: string; frequency: string };

export const messagesValuesOf = (body: FormBody): MessagesFormValues => ({
  active: field(body, 'active'),
  frequency: field(body, 'frequency'),
});

/** The API's UpdateAlertsDto input: "ja"/"nee" as a boolean, anything else stays text (refused). */
export const messagesInput = (values: MessagesFormValues): Record<string, unknown> => ({
  active: values.active === 'ja' ? true : values.active === 'nee' ? false : values.active,
  frequency: values.frequency,
});

export const MESSAGES_WORDS: DtoFieldWords = {
  active: { field: 'active', message: 'Kies ja of nee' },
  frequency: { field: 'frequency', message: 'Kies hoe vaak je een e-mail wilt' },
};

export const NO_EMAIL_MESSAGE =
  'We hebben geen e-mailadres van je. Vraag je werkmakelaar om het in te vullen.';
