// The synthetic region generator and its independent ground truth (see writeRegion and truthPivot).
export { writeRegion, runGenerate, planRegion, type RegionOptions, type RegionSummary } from './region.js';
export { truthPivot, type Dim, type Measure, type TruthQuery, type TruthResult, type TruthPivotOptions } from './truth/pivot.js';
export type { Truth, TruthChild, TruthPeriod, TruthLine, TruthAssignment, LineStatus } from './truth/types.js';
export { segmentOf, ageAt, ageBand, SEGMENTS } from './truth/classify.js';
