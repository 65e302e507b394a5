/**
 * Web Worker for IncrementalExplorer's measured windows, then their certification: seconds at
 * n = 50, so it runs apart and is restartable.
 */
import { serveWorker } from '../shared/serveWorker';
import { type WindowsReply, type WindowsRequest, computeWindows } from './explorerCompute';

serveWorker<WindowsRequest, WindowsReply>((request) => ({ result: computeWindows(request), transfer: [] }));
