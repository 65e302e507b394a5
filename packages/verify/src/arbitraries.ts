/**
 * Test instances live in `@factorflow/core/testing`. This re-export stays only while
 * suites/udv.ts, which another change is moving into core's udv layer, still imports seed32 from here.
 */
export { seed32 } from '@factorflow/core/testing';
