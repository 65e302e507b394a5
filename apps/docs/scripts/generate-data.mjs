/**
 * Build-time data for the site. The measured results (the symbolic catalog's report and the
 * verification run) are the checked-in files of results/, made by `npm run results` at the root:
 * the site, the README and the tests all read those files, so every page shows the same run, and
 * the build runs no verification. The U D V^T sweeps take too long for a build: their checked-in
 * results (src/data/*.jsonl, as the sweep commands stream them) are turned into arrays that the
 * pages can import.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'src', 'data', 'generated');
const results = join(here, '..', '..', '..', 'results');
mkdirSync(out, { recursive: true });

for (const [source, file] of [['symbolic.json', 'symbolic-report.json'], ['verify.json', 'verify-report.json']]) {
  const { command, figures, report } = JSON.parse(readFileSync(join(results, source), 'utf8'));
  writeFileSync(join(out, file), `${JSON.stringify({ generatedBy: command, file: `results/${source}`, figures, report })}\n`);
  console.log(`generate-data: ${file} from results/${source} ('${command}')`);
}

const data = join(here, '..', 'src', 'data');
for (const file of readdirSync(data).filter((name) => name.endsWith('.jsonl'))) {
  const lines = readFileSync(join(data, file), 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line));
  writeFileSync(join(out, file.replace(/\.jsonl$/, '.json')), `${JSON.stringify(lines)}\n`);
  console.log(`generate-data: ${file.replace(/\.jsonl$/, '.json')} from src/data/${file} (${lines.length} lines)`);
}
