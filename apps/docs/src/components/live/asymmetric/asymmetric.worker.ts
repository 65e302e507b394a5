/** Web Worker for AsymmetricExplorer: the windows' root finding takes tens of milliseconds. */
import { buffersOf } from '../shared/protocol';
import { serveWorker } from '../shared/serveWorker';
import { type AsymmetricRequest, type AsymmetricResult, computeAsymmetric } from './asymmetricCompute';

serveWorker<AsymmetricRequest, AsymmetricResult>((request) => {
  const result = computeAsymmetric(request);
  return { result, transfer: buffersOf([result.times, result.singularValues, result.sigma]) };
});
