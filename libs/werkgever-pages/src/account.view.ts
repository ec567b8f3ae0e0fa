import type { FormErrors, PageModel } from '@werkbrug/web';
import type { Colleague } from './colleagues.service';
import type { EmployerContext } from './employer-context';

/** The signed-in employer as EmployersService hands it. */
export type EmployerView = Awaited<ReturnType<EmployerContext['employer']>>;

export const ACCOUNT_MESSAGES: Record<string, string> = {
  locatie: 'De locatie is toegevoegd.',
  uitgenodigd:
    'De uitnodiging is verstuurd. Uw collega kiest zelf een wachtwoord met de link in de e-mail.',
  wachtwoord: 'Uw nieuwe wachtwoord is opgeslagen. U bent op andere apparaten uitgelogd.',
};

export interface AccountExtra {
  errors?: FormErrors;
  values?: Record<string, string>;
  message?: string;
}

/** werkgever/account: the employer's details and locations, the colleagues, and the forms. */
export interface AccountView extends PageModel {
  employer: EmployerView;
  colleagues: (Colleague & { isMe: boolean })[];
  values: Record<string, string>;
  errors: FormErrors | undefined;
  message: string | undefined;
}

export const toAccountView = (
  employer: EmployerView,
  colleagues: Colleague[],
  me: string,
  extra: AccountExtra = {},
): AccountView => ({
  title: 'Account',
  employer,
  colleagues: colleagues.map((c) => ({ ...c, isMe: c.id === me })),
  values: extra.values ?? {},
  errors: extra.errors,
  message: extra.message,
});
