/** The frame every live example shares: its controls, their errors, the plot, then its readouts. */
import React, { type ReactNode, type RefObject } from 'react';

import styles from './live.module.css';

interface LiveExampleProps {
  /** `data-example` of the root, by which pages and tests tell the examples apart. */
  readonly name: string;
  readonly rootRef: RefObject<HTMLDivElement | null>;
  /** The container the figure is mounted in, outside React (see plotHost.ts). */
  readonly plotRef: RefObject<HTMLDivElement | null>;
  readonly controls: ReactNode;
  /** One paragraph per message; null entries are skipped. */
  readonly errors: readonly (string | null)[];
  readonly children?: ReactNode;
}

export function LiveExample({ name, rootRef, plotRef, controls, errors, children }: LiveExampleProps): React.JSX.Element {
  return (
    <div ref={rootRef} className={styles.root} data-testid="live-example" data-example={name}>
      <div className={styles.controls}>{controls}</div>
      {errors.map((message, index) =>
        message === null ? null : (
          <p key={index} className={styles.error}>
            {message}
          </p>
        ),
      )}
      <div ref={plotRef} className={styles.plot} data-testid="plot" />
      {children}
    </div>
  );
}
