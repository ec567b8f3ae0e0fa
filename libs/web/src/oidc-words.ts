import type { OidcRefusal } from '@werkbrug/auth';

/** What a refused sign-in through the organisation's provider says: a title, then what to do. */
export interface RefusalWords {
  title: string;
  paragraphs: string[];
  status: number;
}

const TRY_AGAIN =
  'Probeer het opnieuw. Lukt het dan nog niet? Neem contact op met de helpdesk van uw organisatie.';

/**
 * The page for each refusal (B1, "u", no codes). The reason itself goes only to the audit line:
 * the page says what happened in words and what the person can do.
 */
export const OIDC_REFUSAL_WORDS: Record<OidcRefusal, RefusalWords> = {
  wrong_state: {
    title: 'Inloggen is niet gelukt',
    paragraphs: [
      'Deze inlogpoging hoort niet bij deze browser, of de pagina is te laat of twee keer geopend.',
      TRY_AGAIN,
    ],
    status: 400,
  },
  code_rejected: {
    title: 'Inloggen is niet gelukt',
    paragraphs: ['Deze inlogpoging is al gebruikt of verlopen.', TRY_AGAIN],
    status: 400,
  },
  wrong_audience: {
    title: 'Inloggen is niet gelukt',
    paragraphs: [
      'Uw organisatie stuurde een bewijs van inloggen dat niet voor Werkbrug bedoeld is. Daarom laten wij u niet binnen.',
      'Vraag de helpdesk van uw organisatie om de koppeling met Werkbrug na te kijken.',
    ],
    status: 401,
  },
  token_expired: {
    title: 'Inloggen is niet gelukt',
    paragraphs: [
      'Het bewijs van inloggen van uw organisatie was al verlopen toen het bij Werkbrug aankwam.',
      TRY_AGAIN,
    ],
    status: 401,
  },
  token_invalid: {
    title: 'Inloggen is niet gelukt',
    paragraphs: [
      'Wij konden het bewijs van inloggen van uw organisatie niet controleren. Daarom laten wij u niet binnen.',
      TRY_AGAIN,
    ],
    status: 401,
  },
  provider_refused: {
    title: 'Inloggen is gestopt',
    paragraphs: ['Het inloggen bij uw organisatie is gestopt of geweigerd.', TRY_AGAIN],
    status: 401,
  },
  provider_unreachable: {
    title: 'Inloggen via uw organisatie lukt nu niet',
    paragraphs: [
      'Wij kunnen de inlogpagina van uw organisatie op dit moment niet bereiken.',
      'Probeer het over een paar minuten opnieuw.',
    ],
    status: 503,
  },
  no_email: {
    title: 'Inloggen is niet gelukt',
    paragraphs: [
      'Uw organisatie gaf geen e-mailadres van u door. Zonder e-mailadres weten wij niet wie u bent.',
      'Vraag de helpdesk van uw organisatie om de koppeling met Werkbrug na te kijken.',
    ],
    status: 403,
  },
  domain_not_allowed: {
    title: 'U kunt zo niet inloggen',
    paragraphs: [
      'Met dit e-mailadres kunt u niet inloggen via deze organisatie.',
      'Log in via de organisatie waar uw e-mailadres bij hoort.',
    ],
    status: 403,
  },
  unknown_user: {
    title: 'U heeft nog geen account in Werkbrug',
    paragraphs: [
      'Uw organisatie kent u, maar in Werkbrug is nog geen account voor uw e-mailadres.',
      'Vraag de beheerder van Werkbrug in uw organisatie om u uit te nodigen.',
    ],
    status: 403,
  },
  deactivated_user: {
    title: 'Uw account is gestopt',
    paragraphs: [
      'Uw account in Werkbrug is gestopt. Daarom kunt u niet inloggen.',
      'Denkt u dat dit niet klopt? Neem contact op met de beheerder van Werkbrug in uw organisatie.',
    ],
    status: 403,
  },
  other_organisation: {
    title: 'U kunt zo niet inloggen',
    paragraphs: [
      'Uw account in Werkbrug hoort bij een andere organisatie dan waar u net inlogde.',
      'Log in via de organisatie waar uw account bij hoort.',
    ],
    status: 403,
  },
  password_not_allowed: {
    title: 'Log in via uw eigen organisatie',
    paragraphs: ['Uw organisatie laat inloggen met een wachtwoord niet toe.'],
    status: 403,
  },
};
