/** Web Worker for RouteComparison: gradient descent with a small eta can take a few hundred ms. */
import { buffersOf } from '../shared/protocol';
import { serveWorker } from '../shared/serveWorker';
import { type RoutesRequest, type RoutesResult, computeRoutes } from './routesCompute';

serveWorker<RoutesRequest, RoutesResult>((request) => {
  const result = computeRoutes(request);
  const { times, closed, ode, gd, odeErrors, gdErrors, eigenvaluesY } = result;
  return { result, transfer: buffersOf([times, closed, ode, gd, odeErrors, gdErrors, eigenvaluesY]) };
});
