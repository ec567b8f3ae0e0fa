import type { NestExpressApplication } from '@nestjs/platform-express';
import path from 'node:path';
import express from 'express';
import { MAILED_AREAS } from './mailed-links';
import { multipartForms } from './multipart-form';
import { SessionService } from './session.service';
import { utrechtCssFile, webAssetsDir } from './views-dir';

/**
 * Paths served by the web pages rather than the JSON API: they are left out of the `api` prefix.
 * Each role has its own area, so the portals add pages without touching this list.
 */
export const WEB_PATHS = [
  'welkom',
  'inloggen',
  // A mailed sign-in link: /inloggen/{token}.
  'inloggen/{*path}',
  'uitloggen',
  // The second factor after the password (SecondFactorController).
  'inlogcode',
  'inlogcode/{*path}',
  'wachtwoord-vergeten',
  'wachtwoord-instellen',
  'wachtwoord-instellen/{*path}',
  'voorwaarden',
  // A mailed link to confirm a new login address.
  'e-mail-bevestigen',
  'e-mail-bevestigen/{*path}',
  // Mailed links that send each role to its own page (MAILED_LINKS).
  ...MAILED_AREAS.flatMap((area) => [area, `${area}/{*path}`]),
  'sessie/{*path}',
  // Apparaten en sessies: one page for every role.
  'account/{*path}',
  'werkgever',
  'werkgever/{*path}',
  'kandidaat',
  'kandidaat/{*path}',
  'werkmakelaar',
  'werkmakelaar/{*path}',
  'beheer',
  'beheer/{*path}',
];

/** Form posts of the web pages; the JSON API keeps refusing them (requireJsonBody). */
const formParser = express.urlencoded({ extended: false, limit: '100kb', parameterLimit: 1000 });

/**
 * Express-level parts of the web pages: urlencoded and multipart form bodies outside /api and the
 * stylesheets (our theme and the NL Design System component CSS, served by the app itself).
 */
export function installWeb(app: NestExpressApplication) {
  // The home page answers at `/`. Excluding `/` itself from the api prefix would make Nest mount
  // the global middleware (request ids, logging) on `/` only, so `/` is served by GET /welkom.
  app.use((req: express.Request, _res: express.Response, next: express.NextFunction) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && req.path === '/')
      req.url = `/welkom${req.url.slice(1)}`;
    next();
  });
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) =>
    req.path.startsWith('/api/') ? next() : formParser(req, res, next),
  );
  // Forms with a file (an import): parsed here so the guard finds their CSRF token (multipart-form.ts).
  app.use(multipartForms(app.get(SessionService)));
  // Browsers ask for /favicon.ico on every site: the icon, not an error page.
  const favicon = path.join(webAssetsDir(), 'favicon.ico');
  app.use(
    '/favicon.ico',
    (req: express.Request, res: express.Response, next: express.NextFunction) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      res.setHeader('Cache-Control', 'public, max-age=86400');
      res.type('image/x-icon').sendFile(favicon);
    },
  );
  const utrecht = utrechtCssFile();
  app.use('/assets/utrecht.css', (_req: express.Request, res: express.Response) => {
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.sendFile(utrecht);
  });
  app.use(
    '/assets',
    express.static(webAssetsDir(), {
      maxAge: '1h',
      index: false,
      fallthrough: true,
      dotfiles: 'deny',
    }),
  );
}
