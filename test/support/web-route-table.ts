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
  // The candidate's pages (libs/portals).
  'GET /kandidaat/werkplekken/:id': ['kandidaat'],
  'POST /kandidaat/werkplekken/:id/interesse': ['kandidaat'],
  'GET /kandidaat/interesse': ['kandidaat'],
  'POST /kandidaat/interesse/:id/intrekken': ['kandidaat'],
  'GET /kandidaat/toestemming': ['kandidaat'],
  'GET /kandidaat/toestemming/:id': ['kandidaat'],
  'POST /kandidaat/toestemming/:id/ja': ['kandidaat'],
  'POST /kandidaat/toestemming/:id/nee': ['kandidaat'],
  'POST /kandidaat/toestemming/:id/stoppen': ['kandidaat'],
  'GET /kandidaat/wensen': ['kandidaat'],
  'POST /kandidaat/wensen': ['kandidaat'],
  'GET /kandidaat/berichten': ['kandidaat'],
  'POST /kandidaat/berichten': ['kandidaat'],
  // The unsubscribe link in an alert: no login, the signed token is the key.
  'GET /kandidaat/berichten/stoppen/:token': 'public',
  'POST /kandidaat/berichten/stoppen/:token': 'public',
  'GET /kandidaat/gegevens': ['kandidaat'],
  'GET /kandidaat/gegevens/download': ['kandidaat'],
  'GET /kandidaat/gegevens/verwijderen': ['kandidaat'],
  'POST /kandidaat/gegevens/verwijderen': ['kandidaat'],
  // The werkmakelaar's console (libs/portals).
  'GET /werkmakelaar/kandidaten/:id': ['werkmakelaar'],
  'GET /werkmakelaar/kandidaten/:id/dossier': ['werkmakelaar'],
  'POST /werkmakelaar/kandidaten/:id/contact': ['werkmakelaar'],
  'POST /werkmakelaar/interesse/:id/gezien': ['werkmakelaar'],
  'GET /werkmakelaar/kandidaten/:id/voorstellen/:vacancyId': ['werkmakelaar'],
  'POST /werkmakelaar/kandidaten/:id/voorstellen/:vacancyId': ['werkmakelaar'],
  'GET /werkmakelaar/voorstellen': ['werkmakelaar'],
  'POST /werkmakelaar/voorstellen/:id/status': ['werkmakelaar'],
  'GET /werkmakelaar/voorstellen/:id/plaatsen': ['werkmakelaar'],
  'POST /werkmakelaar/voorstellen/:id/plaatsen': ['werkmakelaar'],
  'GET /werkmakelaar/plaatsingen': ['werkmakelaar'],
  'GET /werkmakelaar/plaatsingen/:id': ['werkmakelaar'],
  'POST /werkmakelaar/plaatsingen/:id/verlengen': ['werkmakelaar'],
  'POST /werkmakelaar/plaatsingen/:id/beeindigen': ['werkmakelaar'],
  'GET /werkmakelaar/werkplekken': ['werkmakelaar'],
  // The HTML 404 page for unknown addresses in the web areas.
  'GET /werkgever/*path': 'public',
  'GET /kandidaat/*path': 'public',
  'GET /werkmakelaar/*path': 'public',
  'GET /beheer/*path': 'public',
};
