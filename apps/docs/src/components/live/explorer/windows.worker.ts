/** Web Worker for IncrementalExplorer's measured windows: seconds at n = 50, so it runs apart and is restartable. */
import type { MeasuredWindows } from '@factorflow/core';

import { serveWorker } from '../shared/serveWorker';
import { type WindowsRequest, computeWindows } from './explorerCompute';

serveWorker<WindowsRequest, MeasuredWindows>((request) => ({ result: computeWindows(request), transfer: [] }));
