import type { FormErrors, PageModel } from '@werkbrug/web';
import type { Colleague } from './colleagues.service';
import type { EmployerContext } from './employer-context';

/** The signed-in employer as EmployersService hands it. */
export type EmployerView = Awaited<ReturnType<EmployerContext['employer']>>;

export interface AccountExtra {
  errors?: FormErrors;
  values?: Record<string, string>;
}

/** werkgever/account: the employer's details and locations, the colleagues, and the forms. */
export interface AccountView extends PageModel {
  employer: EmployerView;
  colleagues: (Colleague & { isMe: boolean })[];
  values: Record<string, string>;
  errors: FormErrors | undefined;
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
});
