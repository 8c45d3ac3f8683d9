// Units of delivered volume (iJw Eenheid): volumes are only added within one unit, minutes counted as
// hours (DOMAIN.md §8). 83 = euro's: no volume, left out of the effective price.
import { dictionary } from './columns.js';
import type { FactStore } from './store.js';

export const MINUTES = '01';
export const HOURS = '04';
export const EUROS = '83';

export interface Units {
  /** Per unit dictionary code: the unit class (minutes share the hours class). */
  classOf: Int32Array;
  /** Per unit dictionary code: the factor to the class (1/60 for minutes). */
  factor: Float64Array;
  /** Class of euro's, or -3 when absent. */
  euro: number;
  /** Unit key of each class. */
  keys: string[];
}

export function compileUnits(store: FactStore): Units {
  const { keys } = dictionary(store.facts, 'unit');
  const classOf = new Int32Array(keys.length);
  const factor = new Float64Array(keys.length).fill(1);
  keys.forEach((k, code) => {
    classOf[code] = k === MINUTES ? keys.indexOf(HOURS) >= 0 ? keys.indexOf(HOURS) : code : code;
    if (k === MINUTES) factor[code] = 1 / 60;
  });
  // Minutes without any hours line still count as hours: their class key is reported as HOURS below.
  const classKeys = keys.map((k) => (k === MINUTES ? HOURS : k));
  const euro = keys.indexOf(EUROS);
  return { classOf, factor, euro: euro >= 0 ? euro : -3, keys: classKeys };
}
