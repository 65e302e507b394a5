import BrowserOnly from '@docusaurus/BrowserOnly';
import * as Plot from '@observablehq/plot';
import React, { useCallback, useEffect, useRef } from 'react';

import IncrementalExplorer from '../live/explorer/IncrementalExplorer';
import { plotWidth, useRedrawOnResize } from '../live/shared/plotHost';
import { FIGURE_ONE, figureOnePanels, formatScale } from './figureOne';
import styles from './figureOne.module.css';

/** Gap between the right panels, as in figureOne.module.css. */
const GAP = 12;
/** Narrowest right panel that still shows its axes' labels whole. */
const MIN_PANEL = 170;

function Panels(): React.JSX.Element {
  const leftRef = useRef<HTMLDivElement>(null);
  const rightRef = useRef<HTMLDivElement>(null);
  const draw = useCallback(() => {
    const left = leftRef.current;
    const right = rightRef.current;
    if (!left || !right) return;
    const width = plotWidth(right);
    // Three across when each gets at least MIN_PANEL px (the desktop column); otherwise one under the other.
    const across = width >= 3 * MIN_PANEL + 2 * GAP ? 3 : 1;
    const panels = figureOnePanels(plotWidth(left), Math.floor((width - (across - 1) * GAP) / across));
    left.replaceChildren(Plot.plot(panels.left));
    right.replaceChildren(...panels.right.map((options) => Plot.plot(options)));
    right.dataset.across = String(across);
    left.parentElement?.setAttribute('data-series', panels.checksum);
  }, []);
  useEffect(draw, [draw]);
  useRedrawOnResize(rightRef, draw);
  return (
    <>
      <div ref={leftRef} className={styles.left} data-testid="figure1-left" />
      <div ref={rightRef} className={styles.right} data-testid="figure1-right" />
    </>
  );
}

/**
 * "Figure 1, reproduced" (Min & Vidal 2025): the left panel and the three right panels, computed
 * in the browser from Corollary 2's closed form in @factorflow/core with the parameters of
 * figureOne.ts. Nothing is drawn during the server render: Plot measures text in a real DOM.
 */
export default function FigureOne(): React.JSX.Element {
  return (
    <figure className={styles.figure} data-testid="figure1">
      <BrowserOnly fallback={<div className={styles.placeholder} />}>{() => <Panels />}</BrowserOnly>
    </figure>
  );
}

/**
 * The live version with the figure's parameters: the explorer's spectral shape has sigma_0 = 1
 * (FIGURE_ONE.sigma0), its eigenvalues and starting scale are the left panel's.
 */
export function FigureOneLive(): React.JSX.Element {
  return <IncrementalExplorer defaultEigenvalues={FIGURE_ONE.targets.join(', ')} defaultLog10Alpha={Math.log10(FIGURE_ONE.leftAlpha)} />;
}

/** The parameters, read from the same constant the figure is computed from. */
export function FigureOneParameters(): React.JSX.Element {
  return (
    <table data-testid="figure1-parameters">
      <thead>
        <tr>
          <th>parameter</th>
          <th>value used</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <td>targets σ<sub>i,Y</sub> (eigenvalues of Y)</td>
          <td>{FIGURE_ONE.targets.join(', ')}</td>
        </tr>
        <tr>
          <td>initialization shape σ<sub>i,0</sub> = [Σ<sub>U₀</sub>²]<sub>ii</sub></td>
          <td>{FIGURE_ONE.sigma0} for every i</td>
        </tr>
        <tr>
          <td>scale α, left panel</td>
          <td>{formatScale(FIGURE_ONE.leftAlpha)}</td>
        </tr>
        <tr>
          <td>scales α, right panels</td>
          <td>{FIGURE_ONE.rightAlphas.map(formatScale).join(', ')}</td>
        </tr>
        <tr>
          <td>samples per curve</td>
          <td>{FIGURE_ONE.points}</td>
        </tr>
      </tbody>
    </table>
  );
}
