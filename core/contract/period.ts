// A period key as the pivot's time dimensions write it: year '2024', quarter '2024-Q1', month '2024-03'. One
// schema for every contract (flows, stacking, compare, analysis) and the views' hash states, so they accept the
// same keys and refuse the rest with the same words.
import { z } from 'zod';

export const PERIOD_KEY_PATTERN = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;

export const periodKey = z.string().regex(PERIOD_KEY_PATTERN, 'a period key: 2024 (year), 2024-Q1 (quarter) or 2024-03 (month)');
