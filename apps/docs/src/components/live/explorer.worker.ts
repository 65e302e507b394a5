/** Web Worker for IncrementalExplorer's curves and theorem plan (the interactive path). */
import { type CurvesRequest, type CurvesResult, computeCurves } from './explorerCompute';
import { buffersOf } from './protocol';
import { serveWorker } from './serveWorker';

serveWorker<CurvesRequest, CurvesResult>((request) => {
  const result = computeCurves(request);
  return { result, transfer: buffersOf([result.eigenvalues, result.times]) };
});
