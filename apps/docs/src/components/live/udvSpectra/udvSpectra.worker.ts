/** Web Worker for UdvSpectra: one chunk of training per request, continuing the run it keeps. */
import { buffersOf } from '../shared/protocol';
import { serveWorker } from '../shared/serveWorker';
import { type UdvRequest, type UdvResult, type UdvSession, advance } from './udvSpectraCompute';

let session: UdvSession | null = null;

serveWorker<UdvRequest, UdvResult>((request) => {
  session = advance(session, request);
  const result = session.result();
  return { result, transfer: buffersOf([result.chunkMs, ...result.traces.flatMap((trace) => [trace.iterations, trace.spectra])]) };
});
