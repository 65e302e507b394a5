/** Web Worker for IncrementalExplorer's curves and theorem plan (the interactive path). */
import { buffersOf } from '../shared/protocol';
import { serveWorker } from '../shared/serveWorker';
import { type CurvesRequest, type CurvesResult, computeCurves } from './explorerCompute';

serveWorker<CurvesRequest, CurvesResult>((request) => {
  const result = computeCurves(request);
  return { result, transfer: buffersOf([result.eigenvalues, result.times]) };
});
