/** Web Worker for RankKDistance: n spectral norms per time, then the window search. */
import { buffersOf } from './protocol';
import { type RankRequest, type RankResult, computeDistances, computeRankWindows } from './rankDistanceCompute';
import { serveWorker } from './serveWorker';

serveWorker<RankRequest, RankResult>((request) => {
  if (request.kind === 'windows') return { result: computeRankWindows(request), transfer: [] };
  const result = computeDistances(request, request.times);
  return { result, transfer: result.kind === 'distances' ? buffersOf([result.times, result.distances, result.spectrum]) : [] };
});
