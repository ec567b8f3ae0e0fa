import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * tsc does not copy .hbs files, so the templates stay in libs/mail/templates and are found from
 * either place this code runs: the sources (libs/mail/src, under Jest) or the build
 * (dist/libs/mail/src, four levels below the repository root, as in the Docker image).
 */
const CANDIDATES = [
  path.join(__dirname, '..', 'templates'),
  path.join(__dirname, '..', '..', '..', '..', 'libs', 'mail', 'templates'),
];

export function mailTemplatesDir(): string {
  const found = CANDIDATES.find((dir) => existsSync(path.join(dir, 'layouts', 'main.hbs')));
  if (!found) throw new Error(`mail templates not found; looked in ${CANDIDATES.join(', ')}`);
  return found;
}
