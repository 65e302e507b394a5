/** Item 3 of issue 17: the sentences and citations of Sections II-IV, in the paper's order. */
import type { CatalogEntry } from '../../entry.js';
import { citationEntries } from './citations.js';
import { claimEntries } from './claims.js';
import { referenceEntries } from './references.js';
import { remarkProseEntries } from './remarks.js';

export const proseEntries: CatalogEntry[] = [...claimEntries, ...citationEntries, ...referenceEntries, ...remarkProseEntries];
