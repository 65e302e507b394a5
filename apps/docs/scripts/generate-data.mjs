/**
 * Build-time data for the site: the symbolic catalog's report (the Errata page and the
 * per-equation badges) and a default verification run (the Verification page). Both come from
 * the real commands, so nothing on those pages is copied by hand. The U D V^T sweeps take too long
 * for a build: their checked-in results (src/data/*.jsonl, as the sweep commands stream them) are
 * turned into arrays that the pages can import.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'src', 'data', 'generated');
const require = createRequire(import.meta.url);
mkdirSync(out, { recursive: true });

/** The program a bin of @factorflow/cli runs, as npm would link it. */
function binOf(name) {
  const manifest = require.resolve('@factorflow/cli/package.json');
  return join(dirname(manifest), require(manifest).bin[name]);
}

function run(label, args, file) {
  const start = performance.now();
  const stdout = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] });
  const report = JSON.parse(stdout);
  writeFileSync(join(out, file), `${JSON.stringify({ generatedBy: `${label} ${args.slice(1).join(' ')}`, report }, null, 2)}\n`);
  console.log(`generate-data: ${file} from '${label}' in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

run('factorflow-symbolic', [binOf('factorflow-symbolic'), '--json'], 'symbolic-report.json');
run('factorflow', [binOf('factorflow'), 'verify', '--json', '--instances', '20'], 'verify-report.json');

const data = join(here, '..', 'src', 'data');
for (const file of readdirSync(data).filter((name) => name.endsWith('.jsonl'))) {
  const lines = readFileSync(join(data, file), 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line));
  writeFileSync(join(out, file.replace(/\.jsonl$/, '.json')), `${JSON.stringify(lines)}\n`);
  console.log(`generate-data: ${file.replace(/\.jsonl$/, '.json')} from src/data/${file} (${lines.length} lines)`);
}
