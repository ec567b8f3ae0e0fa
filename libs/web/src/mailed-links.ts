import type { Type } from '@nestjs/common';
import type { Actor, Role } from '@werkbrug/auth';
import { PlacementsService } from '@werkbrug/placements';
import { ProposalsService } from '@werkbrug/proposals';

/** The object's own rule for who may see it: its service throws its 404 when the actor may not. */
export interface VisibilityCheck {
  service: Type;
  check: (service: never, actor: Actor, id: string) => Promise<unknown>;
}

const seenBy = <S>(
  service: Type<S>,
  check: (service: S, actor: Actor, id: string) => Promise<unknown>,
): VisibilityCheck => ({ service, check: check as VisibilityCheck['check'] });

/** One address a mail may link to, whoever receives it; each role is sent to its own page. */
export interface MailedLink {
  /** For an object (`:id`): the object's own visibility rule, asked before anyone is sent on. */
  visible?: VisibilityCheck;
  /**
   * Each role's page for it. A role without one gets the 404 page, as does someone who may not
   * see the object: the answer never says whether it exists.
   */
  to: Partial<Record<Role, (id: string) => string>>;
}

/**
 * Addresses in mails that do not name a portal (`/voorstellen/{id}`): a proposal mail goes to the
 * candidate, the employer and the werkmakelaar with one link. `GET /<row>` sends a signed-in
 * visitor to their role's page; a visitor without a session signs in first and comes back
 * (`/inloggen?terug=…`). A new kind of mailed object is one row here (and a service with an
 * `assertVisible`-like check); the paths are left out of the `/api` prefix through WEB_PATHS.
 */
export const MAILED_LINKS = {
  'voorstellen/:id': {
    visible: seenBy(ProposalsService, (s, actor, id) => s.assertVisible(actor, id)),
    to: {
      kandidaat: (id) => `/kandidaat/toestemming/${id}`,
      werkgever: (id) => `/werkgever/voorstellen/${id}`,
      werkmakelaar: (id) => `/werkmakelaar/voorstellen/${id}`,
    },
  },
  voorstellen: {
    to: {
      kandidaat: () => '/kandidaat/toestemming',
      werkgever: () => '/werkgever/voorstellen',
      werkmakelaar: () => '/werkmakelaar/voorstellen',
      admin: () => '/beheer',
    },
  },
  'plaatsingen/:id': {
    visible: seenBy(PlacementsService, (s, actor, id) => s.assertVisible(actor, id)),
    to: {
      // The candidate has no page for one placement (yet): their start page.
      kandidaat: () => '/kandidaat',
      werkgever: (id) => `/werkgever/plaatsingen/${id}`,
      werkmakelaar: (id) => `/werkmakelaar/plaatsingen/${id}`,
    },
  },
  plaatsingen: {
    to: {
      kandidaat: () => '/kandidaat',
      werkgever: () => '/werkgever/plaatsingen',
      werkmakelaar: () => '/werkmakelaar/plaatsingen',
      admin: () => '/beheer',
    },
  },
} satisfies Record<string, MailedLink>;

/** The routes of the table, as Nest and Express write them (`voorstellen/:id`). */
export const MAILED_PATHS = Object.keys(MAILED_LINKS);

/** The first segment of each row: these paths are served outside the `/api` prefix. */
export const MAILED_AREAS = [...new Set(MAILED_PATHS.map((p) => p.split('/')[0] as string))];

/** The row for a route path as Express matched it (`/voorstellen/:id`). */
export const mailedLinkOf = (routePath: string): MailedLink | undefined =>
  (MAILED_LINKS as Record<string, MailedLink>)[routePath.replace(/^\//, '')];
