// Keys of the time dimensions, derived from a month (yyyymm): year '2024', quarter '2024-Q1', month '2024-03'.
export function yearKey(yyyymm: number): string {
  return String(Math.floor(yyyymm / 100));
}

export function quarterKey(yyyymm: number): string {
  return `${Math.floor(yyyymm / 100)}-Q${Math.ceil((yyyymm % 100) / 3)}`;
}

export function monthKey(yyyymm: number): string {
  return `${Math.floor(yyyymm / 100)}-${String(yyyymm % 100).padStart(2, '0')}`;
}
