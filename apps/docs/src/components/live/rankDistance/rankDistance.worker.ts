/** Web Worker for RankKDistance: n spectral norms per time, then the window search, then the certified windows. */
import { buffersOf } from '../shared/protocol';
import { serveWorker } from '../shared/serveWorker';
import { type RankRequest, type RankResult, computeCertifiedWindows, computeDistances, computeRankWindows } from './rankDistanceCompute';

serveWorker<RankRequest, RankResult>((request) => {
  if (request.kind === 'windows') return { result: computeRankWindows(request), transfer: [] };
  if (request.kind === 'certified') return { result: computeCertifiedWindows(request), transfer: [] };
  const result = computeDistances(request, request.times);
  return { result, transfer: result.kind === 'distances' ? buffersOf([result.times, result.distances, result.spectrum]) : [] };
});
