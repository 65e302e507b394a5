/**
 * The findings of the verification run on /verification, typeset: prose with KaTeX and tables,
 * every number read from results/verify.json (through ./findings.ts). `data-value` attributes carry
 * the unrounded figures for the browser tests.
 */
import type { ReactElement, ReactNode } from 'react';

import { TableHead } from '../TableHead';
import { type Break, type Counterexample, type Spread, necessityRows, routeFindings } from './findings';
import { searchTeX } from './necessityTeX';
import styles from './paper.module.css';
import { type TheoremSuite, figureText, suite, verification } from './reports';
import TeX from './TeX';
import { SuiteClaim } from './Verification';

/** A figure in TeX: three significant digits, a power of ten written out. */
export function numberTeX(value: number): string {
  const [mantissa, exponent] = figureText(value).split('e');
  return exponent === undefined ? mantissa : `${mantissa} \\times 10^{${Number(exponent)}}`;
}

/** A measured figure: typeset, with its exact value for the tests. */
export function Figure({ value, name, tex = numberTeX(value) }: { value: number; name: string; tex?: string }): ReactElement {
  return (
    <span data-figure={name} data-value={value}>
      <TeX math={tex} />
    </span>
  );
}

/** The heading line of a suite's findings: what it checks and how many of its instances passed (`passed` says what passing means). */
export function SuiteHead({ name, passed = 'instances held', children }: { name: string; passed?: string; children?: ReactNode }): ReactElement {
  const result = suite(name);
  return (
    <p>
      <code>{name}</code> (<SuiteClaim name={name} />): {result.passed} of {result.checked} {passed}. {children}
    </p>
  );
}

function SpreadText({ spread, name }: { spread: Spread; name: string }): ReactElement {
  return (
    <>
      median <Figure value={spread.median} name={`${name}.median`} />, worst <Figure value={spread.max} name={`${name}.max`} /> over{' '}
      {spread.count} instances
    </>
  );
}

/** Proposition 1 by three routes, and Corollary 2. */
export function RouteFindings(): ReactElement {
  const { gdRatio, odeError, cor2Error } = routeFindings();
  return (
    <div data-testid="findings-routes">
      <SuiteHead name="proposition-1" />
      <ul>
        <li>
          Gradient descent with step <TeX math="\eta" />: its largest distance to the closed form at step <TeX math="\eta" />, divided by the
          one at step <TeX math="\eta/2" />, has median <Figure value={gdRatio.median} name="gdRatio.median" /> (from{' '}
          <Figure value={gdRatio.min} name="gdRatio.min" /> to <Figure value={gdRatio.max} name="gdRatio.max" />
          ). A ratio of 2 is an error of first order in <TeX math="\eta" />.
        </li>
        <li>
          The closed form against the ODE, <TeX math="\|W_{\text{closed}} - W_{\text{ode}}\| / \|Y\|" />: <SpreadText spread={odeError} name="odeError" />.
        </li>
      </ul>
      <SuiteHead name="corollary-2" />
      <ul>
        <li>
          The distance <TeX math="\|W(t) - \Phi\operatorname{diag}(\sigma_{i,W}(t))\Phi^\top\| / \|Y\|" />: <SpreadText spread={cor2Error} name="cor2Error" />
          , rounding error of the doubles.
        </li>
      </ul>
    </div>
  );
}

const THEOREMS: readonly TheoremSuite[] = ['theorem-3', 'theorem-4'];

/** Theorems 3 and 4: how much of their margin the flow uses, and how conservative they are. */
export function TheoremFindings(): ReactElement {
  const { figures } = verification;
  const cell = (name: TheoremSuite, metric: 'slack' | 'windowRatio' | 'alphaRatio') => (
    <td>
      <Figure value={figures[name][metric].median} name={`${name}.${metric}`} /> <span className={styles.small}>({figures[name][metric].instances})</span>
    </td>
  );
  return (
    <div data-testid="findings-theorems">
      {THEOREMS.map((name) => (
        <SuiteHead key={name} name={name} />
      ))}
      <table>
        <TableHead columns={['suite', 'median worst ‖W(t) − Ŷₖ‖₂ / ε on the Iₖ', 'median measured / guaranteed window length', 'median largest working α / αₘₐₓ']} />
        <tbody>
          {THEOREMS.map((name) => (
            <tr key={name}>
              <td>
                <code>{name}</code>
              </td>
              {cell(name, 'slack')}
              {cell(name, 'windowRatio')}
              {cell(name, 'alphaRatio')}
            </tr>
          ))}
        </tbody>
      </table>
      <p className={styles.small}>
        In brackets: the instances behind each median (every window ratio needs a finite guaranteed interval; the largest working{' '}
        <TeX math="\alpha" /> is searched on every fourth instance, by bisection on <TeX math="\log\alpha" /> over the closed form).
      </p>
    </div>
  );
}

function vector(values: readonly number[]): string {
  return `(${values.map((value) => figureText(value)).join(',\\ ')})`;
}

function alphaTeX(log10AlphaOverMax: number | null): string {
  if (log10AlphaOverMax === null) return '';
  return Math.abs(log10AlphaOverMax) < 0.005 ? '\\alpha = \\alpha_{\\max}' : `\\alpha = 10^{${log10AlphaOverMax.toFixed(2)}}\\,\\alpha_{\\max}`;
}

function BreakText({ breaks }: { breaks: Break }): ReactElement {
  const k = breaks.k;
  if (breaks.kind === 'empty') {
    return (
      <>
        <TeX math={`\\mathcal I_{${k}} = \\emptyset`} /> and no <TeX math="t \ge 0" /> has <TeX math={`\\|W(t) - \\hat Y_{${k}}\\|_2 \\le \\varepsilon`} /> (closest
        approach <TeX math={`${figureText(breaks.closest)}\\,\\varepsilon`} />
        {breaks.repeated ? ', best case over the repeated eigenspace' : ''})
      </>
    );
  }
  const end = Number.isFinite(breaks.end) ? figureText(breaks.end) : '\\infty';
  return (
    <TeX math={`\\|W(t) - \\hat Y_{${k}}\\|_2 = ${figureText(breaks.ratio)}\\,\\varepsilon \\text{ at } t = ${figureText(breaks.t)} \\in \\mathcal I_{${k}} = [${figureText(breaks.start)},\\ ${end}]`} />
  );
}

function CounterexampleText({ example, log10AlphaOverMax }: { example: Counterexample; log10AlphaOverMax: number | null }): ReactElement {
  const { shape } = example;
  return (
    <>
      <TeX math={`n = ${example.n},\\ \\sigma_Y = ${vector(example.sigmaY)},\\ \\varepsilon = ${figureText(example.epsilon)},\\ ${alphaTeX(log10AlphaOverMax)}`} />,{' '}
      {shape.kind === 'spectral' ? (
        <TeX math={`\\sigma_{i,0} = ${vector(shape.sigma0)}`} />
      ) : (
        <>
          <TeX math="\bar U_0" /> = <code>{shape.call}</code>
          {shape.removed === null ? null : (
            <>
              {' '}
              without its component along <TeX math={`\\phi_{${shape.removed}}`} />
            </>
          )}{' '}
          (<TeX math={`M = ${figureText(shape.M)}`} />)
        </>
      )}
      : <BreakText breaks={example.breaks} />. Seed {example.seed}.
    </>
  );
}

/** The hypothesis-necessity suite: each hypothesis of Theorems 3 and 4 dropped in turn. */
export function NecessityFindings(): ReactElement {
  const rows = necessityRows();
  const found = rows.filter((row) => row.counterexample !== null);
  return (
    <div data-testid="findings-necessity">
      <SuiteHead name="hypothesis-necessity" passed="searches found no counterexample">
        A search draws instances that violate the one hypothesis and satisfy every other, and looks for a time in some{' '}
        <TeX math="\mathcal I_k" /> with <TeX math="\|W(t) - \hat Y_k\|_2 > \varepsilon" />, or an empty <TeX math="\mathcal I_k" /> with no window
        at all.
      </SuiteHead>
      <table>
        <TableHead columns={['theorem', 'hypothesis dropped', 'instances searched', 'result']} />
        <tbody>
          {rows.map((row) => {
            const tex = searchTeX(row.id);
            return (
              <tr key={row.id} data-search={row.id}>
                <td>{tex.theorem}</td>
                <td>
                  <TeX math={tex.hypothesis} />
                </td>
                <td>
                  <TeX math={tex.violation} />
                </td>
                <td data-found={row.found} data-tries={row.tries}>
                  {row.found > 0 ? (
                    <strong>needed: counterexample found</strong>
                  ) : (
                    <>
                      no counterexample in {row.tries} tries; on the <TeX math="\mathcal I_k" />,{' '}
                      <Figure value={row.worstRatio} name={`${row.id}.worstRatio`} tex={`\\max\\|W(t) - \\hat Y_k\\|_2 = ${figureText(row.worstRatio)}\\,\\varepsilon`} />
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>The counterexamples, shrunk by fast-check (the seed replays the search):</p>
      <ul>
        {found.map((row) => (
          <li key={row.id} data-counterexample={row.id}>
            <code>{row.id}</code>: <CounterexampleText example={row.counterexample!} log10AlphaOverMax={row.log10AlphaOverMax} />
          </li>
        ))}
      </ul>
    </div>
  );
}
