/**
 * Serves the built site (`docusaurus serve`) on a free localhost port for the browser tests. The
 * server runs in its own process group so that stopping it also stops the children it spawns.
 * `docusaurus serve` mounts the site at the config's baseUrl, so a build made under another
 * DOCS_BASE_URL is served with the same variable.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const SITE = fileURLToPath(new URL('..', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`docusaurus serve exited with status ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the site did not come up at ${url} within ${timeoutMs} ms`);
}

export interface SiteServer {
  readonly origin: string;
  stop(): void;
}

export interface ServeOptions {
  /** The build's directory inside apps/docs (default `build`). */
  readonly dir?: string;
  /** The DOCS_BASE_URL it was built with (default `/`). */
  readonly baseUrl?: string;
}

/** The Docusaurus command line, for the tests that build or serve the site themselves. */
export const DOCUSAURUS_BIN = createRequire(import.meta.url).resolve('@docusaurus/core/bin/docusaurus.mjs');
export { SITE };

export async function serveSite({ dir = 'build', baseUrl = '/' }: ServeOptions = {}): Promise<SiteServer> {
  if (!existsSync(new URL(`../${dir}/index.html`, import.meta.url)))
    throw new Error(`apps/docs/${dir} is missing: run \`npm run build -w @factorflow/docs\` (turbo does this before the tests)`);
  const port = await freePort();
  const child = spawn(process.execPath, [DOCUSAURUS_BIN, 'serve', '--no-open', '--dir', dir, '--port', String(port), '--host', '127.0.0.1'], {
    cwd: SITE,
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, DOCS_BASE_URL: baseUrl },
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(`${origin}${baseUrl}`, child, 60_000);
  return {
    origin,
    stop() {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    },
  };
}
