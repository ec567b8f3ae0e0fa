import {
  InviteUserDto,
  rolesFor,
  type OrganisationUserView,
  type OrganisationAccess,
} from '@werkbrug/auth';
import type { OrganisationKind } from '@werkbrug/domain';
import { type Choice, field, type FormBody, FormErrors, validateAsDto } from '@werkbrug/web';

/**
 * What someone does in an organisation, as the pages name it: a role, and for a werkmakelaar whether
 * they are an organisation administrator too.
 */
export type Functie = 'werkmakelaar' | 'organisatiebeheerder' | 'beheerder' | 'medewerker';

export const FUNCTIE_WORDS: Record<Functie, string> = {
  werkmakelaar: 'Werkmakelaar',
  organisatiebeheerder: 'Werkmakelaar en beheerder van de organisatie',
  beheerder: 'Beheerder van Werkbrug',
  medewerker: 'Medewerker van de werkgever',
};

export const functieOf = (u: Pick<OrganisationUserView, 'role' | 'organisationAdmin'>): Functie =>
  u.role === 'admin'
    ? 'beheerder'
    : u.role === 'werkgever'
      ? 'medewerker'
      : u.organisationAdmin
        ? 'organisatiebeheerder'
        : 'werkmakelaar';

/** The functies one can invite someone into in an organisation of this kind. */
export function functieChoices(kind: OrganisationKind, access: OrganisationAccess): Choice[] {
  const roles = rolesFor(kind).filter((r) => access === 'all' || r === 'werkmakelaar');
  const functies: Functie[] = roles.flatMap((r) =>
    r === 'werkmakelaar'
      ? (['werkmakelaar', 'organisatiebeheerder'] as const)
      : r === 'admin'
        ? (['beheerder'] as const)
        : (['medewerker'] as const),
  );
  return functies.map((value) => ({ value, text: FUNCTIE_WORDS[value] }));
}

const ROLE_OF: Record<Functie, InviteUserDto['role']> = {
  werkmakelaar: 'werkmakelaar',
  organisatiebeheerder: 'werkmakelaar',
  beheerder: 'admin',
  medewerker: 'werkgever',
};

export interface InviteValues {
  displayName: string;
  email: string;
  functie: string;
}

export const inviteValues = (body: FormBody): InviteValues => ({
  displayName: field(body, 'displayName'),
  email: field(body, 'email').toLowerCase(),
  functie: field(body, 'functie'),
});

/** An invitation through the API's InviteUserDto; null when `errors` got something. */
export async function parseInvite(
  organisationId: string,
  values: InviteValues,
  choices: Choice[],
  errors: FormErrors,
): Promise<InviteUserDto | null> {
  if (!values.displayName) errors.add('displayName', 'Vul de naam in');
  const functie = choices.some((c) => c.value === values.functie)
    ? (values.functie as Functie)
    : null;
  if (!functie) errors.add('functie', 'Kies wat deze persoon gaat doen');
  return validateAsDto(
    InviteUserDto,
    {
      organisationId,
      email: values.email,
      displayName: values.displayName,
      role: functie ? ROLE_OF[functie] : 'werkmakelaar',
      ...(functie === 'organisatiebeheerder' ? { organisationAdmin: true } : {}),
    },
    {
      email: { field: 'email', message: 'Vul een e-mailadres in zoals naam@gemeente.nl' },
      displayName: { field: 'displayName', message: 'Vul een naam in van hoogstens 120 tekens' },
    },
    errors,
    'email',
  );
}
