/**
 * Maps the `@werkbrug/<lib>` aliases of tsconfig.json onto the compiled libs at run time.
 * Imported first by every entry point, so no extra loader or build step is needed.
 */
import Module from 'node:module';
import path from 'node:path';

type ResolveFilename = (request: string, ...rest: unknown[]) => string;
// Node's resolver is not in its public types: read and replace it as a property.
const original = Reflect.get(Module, '_resolveFilename') as ResolveFilename;
const libsRoot = path.join(__dirname, '..', 'libs');

Reflect.set(
  Module,
  '_resolveFilename',
  function resolveWerkbrugAlias(this: unknown, request: string, ...rest: unknown[]) {
    if (request.startsWith('@werkbrug/')) {
      const [lib, ...sub] = request.slice('@werkbrug/'.length).split('/');
      return original.call(this, path.join(libsRoot, lib, 'src', ...sub), ...rest);
    }
    return original.call(this, request, ...rest);
  },
);
