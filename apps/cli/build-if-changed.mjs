// `npm start` and `npm run bench` run the product from dist/. A `tsc` build with nothing changed
// still takes 4–8 s here (it reads and checks every file), so this compares modification times
// first (a few thousand stat calls, tens of milliseconds) and builds only when a source, a folder
// (a file added, removed or renamed), a tsconfig or the installed packages are newer than the last
// build. `npm run build` (and so `npm test`) always builds.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const stamp = path.join(root, 'dist', '.build-stamp');
const SOURCES = ['apps', 'libs', 'migrations'];
const FILES = [
  'tsconfig.json',
  'tsconfig.build.json',
  'package.json',
  'package-lock.json',
  'node_modules/.package-lock.json',
];

const mtimeOf = (file) => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
};

/** The newest modification time under a folder: its files and the folders themselves. */
function newestIn(dir) {
  let newest = mtimeOf(dir);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(full) : mtimeOf(full));
  }
  return newest;
}

const built = mtimeOf(stamp);
const newest = Math.max(
  ...SOURCES.map((dir) => newestIn(path.join(root, dir))),
  ...FILES.map((file) => mtimeOf(path.join(root, file))),
);
if (built === 0 || newest >= built || process.env.WERKBRUG_ALWAYS_BUILD === '1') {
  const started = new Date();
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  // Stamped with the build's start: a file saved while it ran makes the next start build again.
  writeFileSync(stamp, `${started.toISOString()}\n`);
  utimesSync(stamp, started, started);
}
