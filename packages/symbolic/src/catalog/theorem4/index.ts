/**
 * Section III-B: the proof of Theorem 4, (24)-(30) and the side arguments (a), (b), (c), in the
 * proof's order. Matrix identities are checked with symbolic blocks; norm bounds are checked as
 * the scalar inequalities they reduce to, with each norm a variable bounded as the proof bounds
 * it, and the matrix facts the proof cites from [25] are searched numerically.
 */
import type { CatalogEntry } from '../../entry.js';
import { blockEntries } from './blocks.js';
import { boundEntries } from './bounds.js';
import { loewnerEntries } from './loewner.js';

export const theorem4Entries: CatalogEntry[] = [...blockEntries, ...loewnerEntries, ...boundEntries];
