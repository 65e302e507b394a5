/**
 * Serves the built site (`docusaurus serve`) on a free localhost port for the browser tests. The
 * server runs in its own process group so that stopping it also stops the children it spawns.
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

export async function serveSite(): Promise<SiteServer> {
  if (!existsSync(new URL('../build/index.html', import.meta.url)))
    throw new Error('apps/docs/build is missing: run `npm run build -w @factorflow/docs` (turbo does this before the tests)');
  const port = await freePort();
  const bin = createRequire(import.meta.url).resolve('@docusaurus/core/bin/docusaurus.mjs');
  const child = spawn(process.execPath, [bin, 'serve', '--no-open', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: SITE,
    detached: true,
    stdio: 'ignore',
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(`${origin}/`, child, 60_000);
  return {
    origin,
    stop() {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    },
  };
}
