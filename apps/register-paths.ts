/**
 * Maps the `@werkbrug/<lib>` aliases of tsconfig.json onto the compiled libs at run time.
 * Imported first by every entry point, so no extra loader or build step is needed.
 */
import Module from 'node:module';
import path from 'node:path';

type ResolveFilename = (request: string, ...rest: unknown[]) => string;
const moduleWithResolver = Module as unknown as { _resolveFilename: ResolveFilename };
const original = moduleWithResolver._resolveFilename;
const libsRoot = path.join(__dirname, '..', 'libs');

moduleWithResolver._resolveFilename = function resolveWerkbrugAlias(request, ...rest) {
  if (request.startsWith('@werkbrug/')) {
    const [lib, ...sub] = request.slice('@werkbrug/'.length).split('/');
    return original.call(this, path.join(libsRoot, lib, 'src', ...sub), ...rest);
  }
  return original.call(this, request, ...rest);
};
