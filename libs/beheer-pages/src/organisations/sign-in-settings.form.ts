import { parseDomains, SaveIdentityProviderDto, type IdentityProviderView } from '@werkbrug/auth';
import {
  field,
  fieldList,
  type FormBody,
  FormErrors,
  validateAsDto,
  type DtoFieldWords,
} from '@werkbrug/web';

/** The form "Inloggen via uw eigen organisatie", as typed (the secret is never filled in again). */
export interface SignInSettingsValues {
  issuer: string;
  clientId: string;
  clientSecret: string;
  emailClaim: string;
  domains: string;
  mfaAcrValues: string;
  options: string[];
  version: string;
}

export const OPTION_PASSWORD = 'wachtwoord';
export const OPTION_CREATE = 'accounts-maken';

const WORDS: DtoFieldWords = {
  issuer: {
    field: 'issuer',
    message: 'Vul het adres van de inlogdienst in, zoals https://login.gemeente.nl',
  },
  clientId: { field: 'clientId', message: 'Vul de toepassingscode in die uw ICT-afdeling gaf' },
  clientSecret: {
    field: 'clientSecret',
    message: 'Vul de geheime sleutel in die uw ICT-afdeling gaf',
  },
  emailClaim: {
    field: 'emailClaim',
    message: 'Vul de naam van het gegeven in, zoals email of upn, zonder spaties',
  },
  domains: {
    field: 'domains',
    message: 'Vul een of meer domeinen in, zoals gemeente.nl, met een komma ertussen',
  },
  mfaAcrValues: { field: 'mfaAcrValues', message: 'Maak de lijst met niveaus korter' },
};

export function signInSettingsValues(body: FormBody): SignInSettingsValues {
  return {
    issuer: field(body, 'issuer'),
    clientId: field(body, 'clientId'),
    // Not trimmed away silently, but never shown back either.
    clientSecret: typeof body.clientSecret === 'string' ? body.clientSecret.trim() : '',
    emailClaim: field(body, 'emailClaim'),
    domains: field(body, 'domains'),
    mfaAcrValues: field(body, 'mfaAcrValues'),
    options: fieldList(body, 'opties'),
    version: field(body, 'version'),
  };
}

/** The stored settings as the form shows them; the secret field stays empty. */
export function valuesOfView(view: IdentityProviderView | null): Partial<SignInSettingsValues> {
  if (!view) return { emailClaim: 'email', options: [OPTION_PASSWORD] };
  return {
    issuer: view.issuer,
    clientId: view.clientId,
    clientSecret: '',
    emailClaim: view.emailClaim,
    domains: view.domains.join(', '),
    mfaAcrValues: view.mfaAcrValues.join(', '),
    options: [
      ...(view.passwordAllowed ? [OPTION_PASSWORD] : []),
      ...(view.createAccounts ? [OPTION_CREATE] : []),
    ],
    version: String(view.version),
  };
}

/** The settings through the API's own DTO; null when `errors` got something. */
export function parseSignInSettings(
  values: SignInSettingsValues,
  hasSecret: boolean,
  errors: FormErrors,
): Promise<SaveIdentityProviderDto | null> {
  if (!values.issuer) errors.add('issuer', 'Vul het adres van de inlogdienst in');
  if (!values.clientId) errors.add('clientId', 'Vul de toepassingscode in');
  if (!values.clientSecret && !hasSecret)
    errors.add('clientSecret', 'Vul de geheime sleutel in die uw ICT-afdeling gaf');
  const domains = parseDomains(values.domains);
  if (!domains.length) errors.add('domains', 'Vul minstens één e-maildomein in, zoals gemeente.nl');
  return validateAsDto(
    SaveIdentityProviderDto,
    {
      issuer: values.issuer,
      clientId: values.clientId,
      ...(values.clientSecret ? { clientSecret: values.clientSecret } : {}),
      emailClaim: values.emailClaim || 'email',
      domains,
      mfaAcrValues: values.mfaAcrValues
        .split(/[\s,]+/)
        .map((v) => v.trim())
        .filter(Boolean),
      passwordAllowed: values.options.includes(OPTION_PASSWORD),
      createAccounts: values.options.includes(OPTION_CREATE),
      ...(values.version ? { version: Number(values.version) } : {}),
    },
    WORDS,
    errors,
    'issuer',
  );
}
