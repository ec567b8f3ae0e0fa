import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ACCESS_KEY, type AccessRule } from '@werkbrug/auth';
import { WEB_ACCESS_KEY, type WebAccessRule } from '@werkbrug/web';

/** One HTTP route as Express serves it, e.g. `GET /api/users/:id`. */
export interface ExpressRoute {
  method: string;
  path: string;
  key: string;
}

/** A route backed by a Nest controller method, with the access rule the AuthGuard will apply. */
export interface NestRoute extends ExpressRoute {
  controller: string;
  handler: string;
  /** What the guard reads: handler metadata, else class metadata; undefined means fail closed. */
  access: AccessRule | undefined;
  /** Web pages (libs/web): the rule the session guard applies. */
  webAccess: WebAccessRule | undefined;
}

const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

interface ExpressLayer {
  route?: { path: unknown; methods: Record<string, boolean | undefined> };
}

/** Express's router.all registers each of the ~30 verbs Node knows. */
const ALL_VERBS_THRESHOLD = 20;

/** Every route registered on the Express router, Nest-made or not (Swagger UI, openapi.json). */
export function expressRoutes(app: NestExpressApplication): ExpressRoute[] {
  const instance: unknown = app.getHttpAdapter().getInstance();
  const router = (instance as { router?: { stack?: ExpressLayer[] } }).router;
  const routes: ExpressRoute[] = [];
  for (const layer of router?.stack ?? []) {
    if (!layer.route) continue;
    const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
    const methods = Object.entries(layer.route.methods)
      .filter(([m, on]) => on && m !== '_all')
      .map(([m]) => m.toUpperCase());
    // A layer answering every verb is `router.all`: a middleware mount (request logging, the
    // global-prefix exclusions) or an @All() handler, which nestRoutes reports as ALL.
    const all = methods.length >= ALL_VERBS_THRESHOLD;
    for (const path of paths) {
      if (typeof path !== 'string') continue;
      for (const method of all ? ['ALL'] : methods)
        routes.push({ method, path, key: routeKey(method, path) });
    }
  }
  return routes;
}

const joinPath = (...parts: string[]) =>
  '/' +
  parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/');

/**
 * Every controller method Nest mapped to a route, found through the module container and the
 * routing metadata, and matched to the path Express actually serves (with or without the global
 * prefix, since some routes are excluded from it).
 */
export function nestRoutes(app: NestExpressApplication): NestRoute[] {
  const served = new Set(expressRoutes(app).map((r) => r.key));
  const scanner = new MetadataScanner();
  const routes: NestRoute[] = [];
  const seen = new Set<Type>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller || seen.has(controller)) continue;
      seen.add(controller);
      const base: unknown = Reflect.getMetadata(PATH_METADATA, controller);
      const bases = (Array.isArray(base) ? base : [base ?? '/']).map(String);
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of scanner.getAllMethodNames(proto)) {
        const handler = proto[name];
        if (typeof handler !== 'function') continue;
        const own: unknown = Reflect.getMetadata(PATH_METADATA, handler);
        const verb: unknown = Reflect.getMetadata(METHOD_METADATA, handler);
        if (own === undefined || typeof verb !== 'number') continue;
        const method = RequestMethod[verb];
        const access = (Reflect.getMetadata(ACCESS_KEY, handler) ??
          Reflect.getMetadata(ACCESS_KEY, controller)) as AccessRule | undefined;
        const webAccess = (Reflect.getMetadata(WEB_ACCESS_KEY, handler) ??
          Reflect.getMetadata(WEB_ACCESS_KEY, controller)) as WebAccessRule | undefined;
        for (const b of bases) {
          for (const p of (Array.isArray(own) ? own : [own]).map(String)) {
            const bare = joinPath(b, p);
            const prefixed = joinPath('api', b, p);
            const m = method ?? `METHOD_${verb}`;
            const path = served.has(routeKey(m, prefixed)) ? prefixed : bare;
            routes.push({
              method: m,
              path,
              key: routeKey(m, path),
              controller: controller.name,
              handler: name,
              access,
              webAccess,
            });
          }
        }
      }
    }
  }
  return routes;
}

/** Path parameters of an Express route path, e.g. `['id']` for `/api/users/:id`. */
export const pathParams = (path: string) =>
  [...path.matchAll(/[:*]([A-Za-z0-9_]+)/g)].map((m) => m[1] as string);
