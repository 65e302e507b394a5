/** Web Worker for IncrementalExplorer's measured windows: seconds at n = 50, so it runs apart and is restartable. */
import type { MeasuredWindows } from '@factorflow/core';

import { type WindowsRequest, computeWindows } from './explorerCompute';
import { serveWorker } from './serveWorker';

serveWorker<WindowsRequest, MeasuredWindows>((request) => ({ result: computeWindows(request), transfer: [] }));
