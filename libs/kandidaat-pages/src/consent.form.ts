import { fieldList, type DtoFieldWords, type FormBody } from '@werkbrug/web';
import { CONSENT_DAYS } from './consent.view';

/** What this page offers to share on top of the work profile (consentRequestPageView's options). */
const OFFERED = ['firstName', 'werkmakelaarContact'];

/** The consent form, as the API's ConsentDto takes it: only what the page offers (others are ignored). */
export const consentInput = (body: FormBody): Record<string, unknown> => ({
  share: fieldList(body, 'share').filter((s) => OFFERED.includes(s)),
  validForDays: CONSENT_DAYS,
});

export const CONSENT_WORDS: DtoFieldWords = {
  share: { field: 'share', message: 'Kies wat je ook wilt delen uit de lijst' },
  validForDays: { field: 'share', message: 'Je kunt ten hoogste een jaar toestemming geven' },
};
