import { InputError, describeValue } from '@factorflow/harness';

import type { Suite } from '../suite.js';
import { asymmetricSuite } from './asymmetric/index.js';
import { certifiedSuite } from './certified/index.js';
import { corollary2Suite } from './corollary2.js';
import { necessitySuite } from './necessity/index.js';
import { proposition1Suite } from './proposition1.js';
import { randomInitSuite } from './randomInit.js';
import { rankDeficientSuite } from './rankDeficient.js';
import { referenceSuite } from './reference.js';
import { theorem3Suite, theorem4Suite } from './theorems.js';
import { udvLowRankSuite, udvNetworkSuite } from './udv.js';

/** Every suite, in report order. */
export const allSuites: readonly Suite[] = [
  referenceSuite,
  proposition1Suite,
  corollary2Suite,
  theorem3Suite,
  theorem4Suite,
  randomInitSuite,
  rankDeficientSuite,
  necessitySuite,
  udvLowRankSuite,
  udvNetworkSuite,
  asymmetricSuite,
  certifiedSuite,
];

/** The suite called `name`, or an error listing the names. */
export function suiteByName(name: string): Suite {
  const suite = allSuites.find((candidate) => candidate.name === name);
  if (!suite) {
    const given = typeof name === 'string' ? `'${name}'` : describeValue(name);
    throw new InputError('out-of-range', 'name', `unknown suite ${given}; pick one of ${allSuites.map((s) => s.name).join(', ')}.`);
  }
  return suite;
}
