import type { Role } from '@werkbrug/auth';

export interface NavItem {
  href: string;
  text: string;
}

/**
 * The main navigation per role. The portals add their own items here (one line each), so that
 * every page of a role shows the same menu.
 */
export const NAVIGATION: Record<Role, NavItem[]> = {
  werkgever: [
    { href: '/werkgever', text: 'Start' },
    { href: '/werkgever/werkplekken', text: 'Werkplekken' },
    { href: '/werkgever/voorstellen', text: 'Voorstellen' },
    { href: '/werkgever/plaatsingen', text: 'Plaatsingen' },
    { href: '/werkgever/instrumenten', text: 'Instrumenten' },
    { href: '/werkgever/account', text: 'Account' },
  ],
  kandidaat: [
    { href: '/kandidaat', text: 'Werkplekken' },
    { href: '/kandidaat/interesse', text: 'Interesse' },
    { href: '/kandidaat/toestemming', text: 'Toestemming' },
    { href: '/kandidaat/wensen', text: 'Wensen' },
    { href: '/kandidaat/berichten', text: 'Berichten' },
    { href: '/kandidaat/gegevens', text: 'Gegevens' },
  ],
  werkmakelaar: [
    { href: '/werkmakelaar', text: 'Kandidaten' },
    { href: '/werkmakelaar/voorstellen', text: 'Voorstellen' },
    { href: '/werkmakelaar/plaatsingen', text: 'Plaatsingen' },
    { href: '/werkmakelaar/werkplekken', text: 'Werkplekken' },
    { href: '/werkmakelaar/trajecten', text: 'Trajecten' },
    { href: '/werkmakelaar/rapportages', text: 'Rapportages' },
    // Staff have no account page: where they are signed in, in the menu (werkgever and kandidaat
    // reach the same page from Account and Gegevens).
    { href: '/account/sessies', text: 'Apparaten' },
  ],
  admin: [
    { href: '/beheer', text: 'Start' },
    { href: '/beheer/regels', text: 'Regels' },
    { href: '/beheer/rapportages', text: 'Rapportages' },
    { href: '/beheer/werksoorten', text: 'Werksoorten' },
    { href: '/beheer/organisaties', text: 'Organisaties' },
    { href: '/beheer/berichten', text: 'Berichten' },
    { href: '/beheer/logboek', text: 'Logboek' },
    { href: '/beheer/import', text: 'Importeren' },
    { href: '/account/sessies', text: 'Apparaten' },
  ],
};

/** A werkmakelaar who is an organisation administrator also manages their organisation's users. */
export const ORGANISATION_ADMIN_ITEM: NavItem = {
  href: '/beheer/organisaties',
  text: 'Organisatie',
};

/** Where each role lands after sign-in. */
export const LANDING: Record<Role, string> = {
  werkgever: '/werkgever',
  kandidaat: '/kandidaat',
  werkmakelaar: '/werkmakelaar',
  admin: '/beheer',
};

/** The menu with the current item marked (the longest matching href). */
export function navigationFor(role: Role | undefined, path: string, organisationAdmin = false) {
  if (!role) return [];
  const items =
    organisationAdmin && role === 'werkmakelaar'
      ? [...NAVIGATION[role], ORGANISATION_ADMIN_ITEM]
      : NAVIGATION[role];
  const current = items
    .filter((i) => path === i.href || path.startsWith(`${i.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0];
  return items.map((i) => ({ ...i, current: i === current }));
}
