/**
 * The browser the site tests drive, found or installed so that `npm ci && npm test` passes on a
 * fresh machine: `CHROMIUM_PATH`, then a system Chromium, then playwright's own download; when
 * there is none, Debian's `chromium` through apt (as root, where apt exists), else
 * `playwright-core install chromium`. What it does is printed, because an install takes minutes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

import { chromium } from 'playwright-core';

const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function found(): string | null {
  const fromEnvironment = process.env.CHROMIUM_PATH;
  if (fromEnvironment !== undefined) {
    if (existsSync(fromEnvironment)) return fromEnvironment;
    throw new Error(`CHROMIUM_PATH=${fromEnvironment} does not exist; unset it to let the tests find or install a browser.`);
  }
  const system = SYSTEM.find((path) => existsSync(path));
  if (system !== undefined) return system;
  const downloaded = chromium.executablePath();
  return existsSync(downloaded) ? downloaded : null;
}

function run(command: string, args: string[]): boolean {
  console.log(`site tests: no Chromium found; running ${command} ${args.join(' ')}`);
  // Without a terminal, apt's configuration prompts must not wait for an answer.
  return spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
}

/** The path of a Chromium executable, installing one when none is there. */
export function chromiumExecutable(): string {
  const existing = found();
  if (existing !== null) return existing;
  const asRoot = process.getuid?.() === 0;
  if (asRoot && existsSync('/usr/bin/apt-get') && run('apt-get', ['update']) && run('apt-get', ['install', '-y', 'chromium'])) {
    const installed = found();
    if (installed !== null) return installed;
  }
  if (run('npx', ['--no', '--', 'playwright-core', 'install', 'chromium'])) {
    const installed = found();
    if (installed !== null) return installed;
  }
  throw new Error(
    'site tests: no Chromium, and none could be installed. Install one (Debian: apt-get install -y chromium) ' +
      'or point CHROMIUM_PATH at a Chromium or Chrome executable.',
  );
}
