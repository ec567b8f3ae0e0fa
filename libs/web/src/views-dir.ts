import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * tsc copies no .hbs or .css files: views and assets stay in the libs and are found from the
 * sources (libs/web/src, under Jest) or from the build (dist/libs/web/src).
 */
function findDir(kind: 'views' | 'assets', probe: string): string {
  const candidates = [
    path.join(__dirname, '..', kind),
    path.join(__dirname, '..', '..', '..', '..', 'libs', 'web', kind),
  ];
  const found = candidates.find((dir) => existsSync(path.join(dir, probe)));
  if (!found) throw new Error(`web ${kind} not found; looked in ${candidates.join(', ')}`);
  return found;
}

export const webViewsDir = () => findDir('views', path.join('layouts', 'main.hbs'));
export const webAssetsDir = () => findDir('assets', 'werkbrug.css');

/** Suffix of the libs that hold one audience's pages: libs/<audience>-pages. */
const PAGE_LIB_SUFFIX = '-pages';

/**
 * The views of each audience's lib, side by side with its controllers: libs/<audience>-pages/views.
 * A page there is rendered as "<audience>/<file name>" (libs/werkgever-pages/views/voorstel.hbs is
 * "werkgever/voorstel"); its views/partials/ folder adds partials.
 */
export function pageLibViewDirs(
  viewsDir: string = webViewsDir(),
): { audience: string; dir: string }[] {
  const libsDir = path.resolve(viewsDir, '..', '..');
  return readdirSync(libsDir)
    .filter((name) => name.endsWith(PAGE_LIB_SUFFIX))
    .sort()
    .map((name) => ({
      audience: name.slice(0, -PAGE_LIB_SUFFIX.length),
      dir: path.join(libsDir, name, 'views'),
    }))
    .filter(({ dir }) => existsSync(dir));
}

/** The NL Design System component CSS, served by the app itself (no CDN). */
export function utrechtCssFile(): string {
  return require.resolve('@utrecht/component-library-css/dist/index.css');
}
