import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * tsc copies no .hbs or .css files: views and assets stay in libs/web and are found from the
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

/** The NL Design System component CSS, served by the app itself (no CDN). */
export function utrechtCssFile(): string {
  return require.resolve('@utrecht/component-library-css/dist/index.css');
}
