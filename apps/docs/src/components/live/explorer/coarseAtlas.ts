/**
 * The coarse pass of IncrementalExplorer (curves on a few times, with the theorem's plan) for every
 * position of the alpha slider, filled in while the worker is idle, nearest to the slider first.
 *
 * Why: for the Gaussian shape at n = 50 a coarse pass costs about 10 ms of worker time (the closed
 * form's spectrum is a QR and a bidiagonal SVD per time), which with messaging and drawing misses the
 * 16 ms frame. The slider has a few hundred positions, so all of them take a couple of seconds of
 * idle time, after which a slider move is drawn from here without a round trip to the worker, and
 * the full grid follows from the worker as before.
 */
import type { CurvesRequest, CurvesResult } from './explorerCompute';

/** The slider's positions: min, min + step, ..., max. */
interface SliderGrid {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

export class CoarseAtlas {
  private readonly results: (CurvesResult | null)[];
  private readonly requested: boolean[];
  private filled = 0;

  /**
   * @param coarseRequest - the coarse pass at a slider value, as the interactive path would send it
   *   (the first of `curvePasses`), so that a stored result is the one the worker would return.
   * @param grid - the slider's positions.
   */
  constructor(
    private readonly coarseRequest: (log10Alpha: number) => CurvesRequest,
    private readonly grid: SliderGrid,
  ) {
    const count = Math.round((grid.max - grid.min) / grid.step) + 1;
    this.results = new Array<CurvesResult | null>(count).fill(null);
    this.requested = new Array<boolean>(count).fill(false);
  }

  /** Number of slider positions. */
  get size(): number {
    return this.results.length;
  }

  /** Positions with a stored coarse pass. */
  get count(): number {
    return this.filled;
  }

  /** The coarse pass at this slider value, if already computed. */
  lookup(log10Alpha: number): CurvesResult | null {
    const index = this.indexOf(log10Alpha);
    return index === null ? null : this.results[index];
  }

  /**
   * The request for the uncomputed position nearest to `log10Alpha` (each position is handed out
   * once, so a failed request is not retried in a loop), or null when every position is done.
   */
  next(log10Alpha: number): CurvesRequest | null {
    const center = this.indexOf(log10Alpha) ?? 0;
    for (let distance = 0; distance < this.size; distance++) {
      for (const index of distance === 0 ? [center] : [center + distance, center - distance]) {
        if (index < 0 || index >= this.size || this.requested[index]) continue;
        this.requested[index] = true;
        return this.coarseRequest(this.valueAt(index));
      }
    }
    return null;
  }

  /** Stores the reply to a request from `next`. */
  store(request: CurvesRequest, result: CurvesResult): void {
    const index = this.indexOf(request.log10Alpha);
    if (index === null || this.results[index] !== null) return;
    this.results[index] = result;
    this.filled++;
  }

  private valueAt(index: number): number {
    // Rounded as the slider rounds its value, so that lookups hit exactly.
    return Number((this.grid.min + index * this.grid.step).toFixed(10));
  }

  private indexOf(log10Alpha: number): number | null {
    const index = Math.round((log10Alpha - this.grid.min) / this.grid.step);
    if (index < 0 || index >= this.size || Math.abs(this.valueAt(index) - log10Alpha) > this.grid.step / 1e6) return null;
    return index;
  }
}
