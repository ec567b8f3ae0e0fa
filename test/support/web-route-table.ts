import type { Role } from '@werkbrug/auth';

/**
 * Who may open each web page (libs/web and the portals), by session cookie. The authorization
 * matrix checks every served route is declared here or in its API table and that the handler's
 * @WebAccess/@WebPublic matches; test/web-authorization.e2e-spec.ts calls each one per role.
 * Add a row for every page you add.
 */
export const WEB_ROUTES: Record<string, 'public' | readonly Role[]> = {
  'GET /': 'public',
  'GET /inloggen': 'public',
  'POST /inloggen': 'public',
  'POST /uitloggen': 'public',
  'GET /wachtwoord-vergeten': 'public',
  'POST /wachtwoord-vergeten': 'public',
  'GET /wachtwoord-instellen/:token': 'public',
  'POST /wachtwoord-instellen/:token': 'public',
  'GET /voorwaarden': 'public',
  'POST /voorwaarden': ['werkgever'],
  'GET /kandidaat': ['kandidaat'],
  'GET /werkmakelaar': ['werkmakelaar'],
  'GET /beheer': ['admin'],
  'GET /werkgever': ['werkgever'],
  'GET /werkmakelaar/trajecten': ['werkmakelaar'],
  'GET /werkmakelaar/trajecten/nieuw': ['werkmakelaar'],
  'POST /werkmakelaar/trajecten/nieuw': ['werkmakelaar'],
  'GET /werkmakelaar/trajecten/:trajectoryId': ['werkmakelaar'],
  'POST /werkmakelaar/trajecten/:trajectoryId/uren': ['werkmakelaar'],
  'POST /werkmakelaar/trajecten/:trajectoryId/wissel': ['werkmakelaar'],
  'GET /werkmakelaar/rapportages': ['werkmakelaar'],
  'GET /werkmakelaar/rapportages/csv': ['werkmakelaar'],
  'GET /beheer/rapportages': ['admin'],
  'GET /beheer/rapportages/csv': ['admin'],
  // The HTML 404 page for unknown addresses in the web areas.
  'GET /werkgever/*path': 'public',
  'GET /kandidaat/*path': 'public',
  'GET /werkmakelaar/*path': 'public',
  'GET /beheer/*path': 'public',
};
