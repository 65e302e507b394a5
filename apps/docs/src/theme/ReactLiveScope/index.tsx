/**
 * Swizzled (ejected) scope of the ```jsx live code blocks (@docusaurus/theme-live-codeblock):
 * every name here can be used in a live block without an import. Besides React and its hooks,
 * that is the whole runtime API of @factorflow/core (theorem3Plan, closedFormTrajectory, ...)
 * and Observable Plot as `Plot`, so readers can recompute anything on a page in their browser.
 */
import * as coreExports from '@factorflow/core';
import * as Plot from '@observablehq/plot';
import React from 'react';

const ReactLiveScope: Record<string, unknown> = {
  React,
  ...React,
  ...coreExports,
  Plot,
};

export default ReactLiveScope;
