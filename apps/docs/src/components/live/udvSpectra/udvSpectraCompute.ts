/**
 * The computations behind UdvSpectra: a small seeded symmetric completion problem, trained by the
 * U D V^T model (projected gradient descent, Hou, Sra & Yurtsever 2025) and by Burer-Monteiro
 * (plain gradient descent on U U^T) side by side, chunk by chunk, with the singular values of X
 * after every chunk. Pure apart from the session object the worker keeps between chunks; runs in
 * udvSpectra.worker.ts.
 */
import {
  type FactorizationModel,
  type LeastSquaresProblem,
  burerMonteiro,
  completionProblem,
  exactZeros,
  singularSpectrum,
  trainFactorization,
  udv,
} from '@factorflow/core';

import { derivedSeed } from '../shared/problems';

/** Relative threshold of the rank readout: sigma_i counts when sigma_i > 1e-10 sigma_1 (core's default). */
export const RANK_TOLERANCE = 1e-10;

/** The problem and the training settings; everything a chunk depends on. */
export interface UdvSettings {
  /** X* is n x n symmetric PSD with ||X*||_F = n. */
  readonly n: number;
  readonly rank: number;
  /** Observed unordered pairs {i, j}, i <= j. */
  readonly observed: number;
  /** Seed of the problem; the initialization uses seed + 1. */
  readonly seed: number;
  /** Radius a of the Frobenius ball of U (udv only). */
  readonly radius: number;
  readonly eta: number;
  /** Initialization scale of both models. */
  readonly xi: number;
  readonly chunks: number;
  readonly chunkIterations: number;
}

/** One pass of a submission: train chunk `chunk` (1-based) of the run `settings` describes. */
export interface UdvRequest extends UdvSettings {
  readonly chunk: number;
}

export type UdvModelName = 'udv' | 'bm';
const UDV_MODELS: readonly UdvModelName[] = ['udv', 'bm'];

/** One model's run so far: the spectrum of X at iteration 0 and after every chunk, and the latest readouts. */
export interface ModelTrace {
  readonly model: UdvModelName;
  /** Iteration of each recorded point: 0, then the end of each chunk trained so far. */
  readonly iterations: Float64Array;
  /** sigma_1 >= ... >= sigma_n of X at point p, at [p * n + i]. */
  readonly spectra: Float64Array;
  /** #{i : sigma_i > 1e-10 sigma_1} at the last point. */
  readonly rank: number;
  /** Exact zeros of d (udv), or null. */
  readonly zeros: number | null;
  /** Columns of U that are exactly zero (udv), or null. */
  readonly deadColumns: number | null;
  /** Relative error on the unobserved entries at the last point. */
  readonly testError: number | null;
  /** f(X) / f(0) at the last point. */
  readonly relativeLoss: number;
  /** The iteration at which the loss diverged (training stopped there), or null. */
  readonly divergedAt: number | null;
}

export interface UdvResult {
  /** The chunk just trained (1-based) and how many there are. */
  readonly chunk: number;
  readonly chunks: number;
  readonly n: number;
  readonly truthRank: number;
  readonly traces: readonly ModelTrace[];
  /** ms spent on each chunk so far (training and the two SVDs), measured in the worker. */
  readonly chunkMs: Float64Array;
}

/** The data-matched radius ||X*||_F^{1/3}: with ||X*||_F = n, the cube root of n. */
export function dataMatchedRadius(n: number): number {
  return Math.cbrt(n);
}

export function settingsKey(settings: UdvSettings): string {
  const { n, rank, observed, seed, radius, eta, xi, chunks, chunkIterations } = settings;
  return JSON.stringify([n, rank, observed, seed, radius, eta, xi, chunks, chunkIterations]);
}

interface ModelState {
  readonly name: UdvModelName;
  readonly model: FactorizationModel<unknown>;
  parameters: Float64Array;
  iteration: number;
  divergedAt: number | null;
  readonly iterations: number[];
  readonly spectra: number[];
  rank: number;
  zeros: number | null;
  deadColumns: number | null;
  testError: number | null;
  relativeLoss: number;
}

interface Factors {
  readonly U?: Float64Array;
  readonly d?: Float64Array;
  readonly width?: number;
}

function deadColumnsOf(U: Float64Array, width: number): number {
  let dead = 0;
  for (let c = 0; c < width; c++) {
    let zero = true;
    for (let index = c; index < U.length && zero; index += width) zero = U[index] === 0;
    if (zero) dead++;
  }
  return dead;
}

function rankOf(spectrum: Float64Array): number {
  const top = spectrum[0] ?? 0;
  if (!(top > 0)) return 0;
  let count = 0;
  for (const value of spectrum) if (value > RANK_TOLERANCE * top) count++;
  return count;
}

/**
 * A run in progress, chunk by chunk: the worker keeps one and continues it while the requests
 * ask for the next chunk of the same settings; anything else starts over (replaying earlier
 * chunks if a request skips ahead, so results never depend on the order requests arrived in).
 */
export class UdvSession {
  readonly key: string;
  private readonly problem: LeastSquaresProblem;
  private readonly lossOfZero: number;
  private readonly states: ModelState[];
  private readonly chunkMs: number[] = [];
  chunk = 0;

  constructor(readonly settings: UdvSettings) {
    this.key = settingsKey(settings);
    const { n, rank, observed, seed, radius, xi } = settings;
    this.problem = completionProblem({ rows: n, columns: n, rank, observed, seed, symmetric: true });
    let squared = 0;
    for (const value of this.problem.observations) squared += value * value;
    this.lossOfZero = 0.5 * squared;
    const initSeed = derivedSeed(seed, 1);
    this.states = UDV_MODELS.map((name) => {
      const model = (name === 'udv' ? udv({ radius }) : burerMonteiro()) as FactorizationModel<unknown>;
      // maxIterations 0: the initial iterate itself, with its X, loss and test error.
      const start = trainFactorization(this.problem, model, { seed: initSeed, xi, eta: settings.eta, maxIterations: 0 });
      const state: ModelState = {
        name,
        model,
        parameters: start.parameters,
        iteration: 0,
        divergedAt: null,
        iterations: [],
        spectra: [],
        rank: 0,
        zeros: null,
        deadColumns: null,
        testError: null,
        relativeLoss: 1,
      };
      this.record(state, start.X, start.factors as Factors, start.loss, start.history.at(-1)?.testError ?? null);
      return state;
    });
  }

  private record(state: ModelState, X: Float64Array, factors: Factors, loss: number, testError: number | null): void {
    const { n } = this.settings;
    const spectrum = singularSpectrum(X, n, n);
    state.iterations.push(state.iteration);
    for (const value of spectrum) state.spectra.push(value);
    state.rank = rankOf(spectrum);
    state.zeros = state.name === 'udv' && factors.d ? exactZeros(factors.d) : null;
    state.deadColumns = state.name === 'udv' && factors.U && factors.width ? deadColumnsOf(factors.U, factors.width) : null;
    state.testError = testError;
    state.relativeLoss = this.lossOfZero > 0 ? loss / this.lossOfZero : loss;
  }

  /** Trains the next chunk of both models (a diverged model stays where it stopped). */
  step(): void {
    const started = performance.now();
    const { eta, xi, seed, chunkIterations } = this.settings;
    for (const state of this.states) {
      if (state.divergedAt !== null) continue;
      const result = trainFactorization(this.problem, state.model, {
        seed: derivedSeed(seed, 1),
        eta,
        xi,
        maxIterations: chunkIterations,
        // Run the whole budget: the point is what happens to the spectrum after the fit is good.
        lossTolerance: 1e-300,
        record: chunkIterations,
        initial: state.parameters,
      });
      state.parameters = result.parameters;
      if (result.diverged !== null) state.divergedAt = state.iteration + result.diverged.iteration;
      state.iteration += result.iterations;
      this.record(state, result.X, result.factors as Factors, result.loss, result.history.at(-1)?.testError ?? null);
    }
    this.chunk++;
    this.chunkMs.push(performance.now() - started);
  }

  result(): UdvResult {
    return {
      chunk: this.chunk,
      chunks: this.settings.chunks,
      n: this.settings.n,
      truthRank: this.problem.truthRank ?? this.settings.rank,
      traces: this.states.map((state) => ({
        model: state.name,
        iterations: Float64Array.from(state.iterations),
        spectra: Float64Array.from(state.spectra),
        rank: state.rank,
        zeros: state.zeros,
        deadColumns: state.deadColumns,
        testError: state.testError,
        relativeLoss: state.relativeLoss,
        divergedAt: state.divergedAt,
      })),
      chunkMs: Float64Array.from(this.chunkMs),
    };
  }
}

/** Checks what the page sends; the worker reports a violation as an error message. */
function checkSettings(settings: UdvSettings): void {
  const { n, rank, observed, chunks, chunkIterations } = settings;
  if (!Number.isInteger(n) || n < 2 || n > 60) throw new Error(`n must be an integer in [2, 60], got ${n}`);
  if (!Number.isInteger(rank) || rank < 1 || rank > n) throw new Error(`the rank must be an integer in [1, n], got ${rank}`);
  if (!Number.isInteger(observed) || observed < 1 || observed > (n * (n + 1)) / 2) {
    throw new Error(`observed pairs must be an integer in [1, n (n + 1) / 2], got ${observed}`);
  }
  if (!Number.isInteger(chunks) || chunks < 1 || !Number.isInteger(chunkIterations) || chunkIterations < 1) {
    throw new Error('chunks and iterations per chunk must be positive integers');
  }
}

/**
 * The worker's step: continue `session` when the request is its next chunk, otherwise start a
 * new session and train up to the requested chunk. Returns the session to keep.
 */
export function advance(session: UdvSession | null, request: UdvRequest): UdvSession {
  checkSettings(request);
  const key = settingsKey(request);
  let current = session;
  if (current === null || current.key !== key || current.chunk >= request.chunk) current = new UdvSession(request);
  while (current.chunk < request.chunk) current.step();
  return current;
}
