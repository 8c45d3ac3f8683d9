// Population denominators (DOMAIN.md §9): the number of residents aged from..to from age groups as CBS
// publishes them, which may overlap (single years next to 0 tot 5 jaar next to Totaal). Only groups that
// cover the range exactly, without overlap or gap, are summed; otherwise there is no denominator.
export interface AgeGroupCount {
  from: number;
  to: number | null; // inclusive; null = "and older"
  count: number;
}

export function populationAged(groups: readonly AgeGroupCount[], from: number, to: number): number | null {
  const exact = groups.find((g) => g.from === from && g.to === to);
  if (exact) return exact.count;
  // Walk up from `from`: reached.get(a) = the sum of a set of groups covering from..a-1 exactly.
  const reached = new Map<number, number>([[from, 0]]);
  for (let age = from; age <= to; age++) {
    const sum = reached.get(age);
    if (sum === undefined) continue;
    for (const g of groups) {
      if (g.from === age && g.to !== null && g.to <= to && !reached.has(g.to + 1)) reached.set(g.to + 1, sum + g.count);
    }
  }
  return reached.get(to + 1) ?? null;
}
