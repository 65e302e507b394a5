import { allSuites, formatReport, runSuites } from '@factorflow/verify';

// Corollary 2 on 40 seeded random instances, on two worker threads.
const suites = allSuites.filter((suite) => suite.name === 'corollary-2');
const runs = await runSuites(suites, { instances: 40, seed: 20251124, workers: 2 });
console.log(formatReport(runs, { seed: 20251124, instances: 40, workers: 2, wallSeconds: 0 }));
