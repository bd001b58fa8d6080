/**
 * Makes sure the end-to-end tests have a browser before they start (run by `npm test` and `npm run e2e`):
 * Debian's Chromium at /usr/bin/chromium, or the one CHROMIUM_PATH names. When it is missing and we are
 * root with apt-get, installs Debian's `chromium` package; otherwise stops at once with one line that
 * says what to run. `ENSURE_CHROMIUM_DRY_RUN=1` prints the decision and changes nothing.
 *
 * `chromiumPath()` is the one place that says which browser the tests and benches launch.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';
export const INSTALL_COMMAND = 'apt-get update -qq && apt-get install -y -qq chromium';

/** The browser the e2e tests and the benches launch: CHROMIUM_PATH, else Debian's. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || DEBIAN_CHROMIUM;
}

/** What the machine offers, gathered by `lookAround` (and made up in the unit tests). */
export interface Facts {
  /** CHROMIUM_PATH when set (not empty). */
  chromiumPath: string | undefined;
  /** Whether `chromiumPath` (when set) is an executable file. */
  chromiumPathOk: boolean;
  /** Whether /usr/bin/chromium is an executable file. */
  debianOk: boolean;
  isRoot: boolean;
  hasAptGet: boolean;
}

export type Decision =
  { action: 'ready'; path: string } | { action: 'install' } | { action: 'stop'; line: string };

export function decide(f: Facts): Decision {
  if (f.chromiumPath !== undefined)
    return f.chromiumPathOk
      ? { action: 'ready', path: f.chromiumPath }
      : {
          action: 'stop',
          line: `e2e: CHROMIUM_PATH=${f.chromiumPath} is not an executable file: point it at a Chromium or unset it to use Debian's ${DEBIAN_CHROMIUM}`,
        };
  if (f.debianOk) return { action: 'ready', path: DEBIAN_CHROMIUM };
  if (f.isRoot && f.hasAptGet) return { action: 'install' };
  const how = f.hasAptGet ? `run \`sudo sh -c '${INSTALL_COMMAND}'\`` : "install Debian's chromium package";
  return {
    action: 'stop',
    line: `e2e: no Chromium at ${DEBIAN_CHROMIUM}: ${how}, or set CHROMIUM_PATH to a Chromium, then run the tests again`,
  };
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(command: string, env: NodeJS.ProcessEnv): boolean {
  return (env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && isExecutableFile(join(dir, command)));
}

export function lookAround(env: NodeJS.ProcessEnv = process.env): Facts {
  const path = env.CHROMIUM_PATH || undefined;
  return {
    chromiumPath: path,
    chromiumPathOk: path !== undefined && isExecutableFile(path),
    debianOk: isExecutableFile(DEBIAN_CHROMIUM),
    isRoot: process.getuid?.() === 0,
    hasAptGet: onPath('apt-get', env),
  };
}

function install(): boolean {
  console.log("e2e: installing Debian's chromium for the end-to-end tests (apt-get)");
  const r = spawnSync('sh', ['-c', `${INSTALL_COMMAND} >/dev/null`], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return r.status === 0;
}

/** Returns the process's exit code. */
export function main(env: NodeJS.ProcessEnv = process.env): number {
  const dryRun = env.ENSURE_CHROMIUM_DRY_RUN === '1';
  const d = decide(lookAround(env));
  if (d.action === 'ready') return 0;
  if (d.action === 'stop') {
    console.error(d.line);
    return 1;
  }
  if (dryRun) {
    console.log(`e2e: would install Debian's chromium: ${INSTALL_COMMAND}`);
    return 0;
  }
  if (install() && isExecutableFile(DEBIAN_CHROMIUM)) return 0;
  console.error(`e2e: installing chromium failed: run \`${INSTALL_COMMAND}\` and look at its errors`);
  return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main();
