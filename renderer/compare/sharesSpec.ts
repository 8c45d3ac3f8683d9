// Which municipality carries a provider: per provider (the largest by approved money) a 100 % bar split by
// each municipality's share of the provider's approved money. The municipality with the widest part is the
// one to take the lead when that provider gets into trouble. Hidden shares are left out (the rest stays).
import type { VisualizationSpec } from 'vega-embed';
import { formatNumber } from '../format.js';
import { chartConfig } from '../flows/chartBase.js';

export interface ShareDatum {
  provider: string;
  municipality: string;
  share: number;
}

const PALETTE = ['#2c6e8f', '#d99a2b', '#6a9a5b', '#c4553a', '#7f6aa8', '#5b7486', '#b8860b', '#3f8f8f', '#a0526b', '#8c8c3a'];

export function sharesSpec(data: ShareDatum[], providers: string[], municipalities: string[], t: { description: string; share: string; provider: string; municipality: string }): VisualizationSpec {
  const values = data.map((d) => ({ ...d, text: `${formatNumber(d.share * 100, 1)} %` }));
  return {
    width: 'container',
    height: { step: 26 },
    description: t.description,
    data: { values },
    layer: [
      {
        name: 'shares',
        mark: { type: 'bar', height: { band: 0.7 } },
        encoding: {
          y: { field: 'provider', type: 'nominal', sort: providers, title: null, axis: { labelLimit: 240 } },
          x: { field: 'share', type: 'quantitative', stack: 'zero', title: t.share, scale: { domain: [0, 1] }, axis: { format: '.0%' } },
          color: { field: 'municipality', type: 'nominal', title: t.municipality, sort: municipalities, scale: { domain: municipalities, range: PALETTE } },
          order: { field: 'share', type: 'quantitative', sort: 'descending' },
          tooltip: [
            { field: 'provider', type: 'nominal', title: t.provider },
            { field: 'municipality', type: 'nominal', title: t.municipality },
            { field: 'text', type: 'nominal', title: t.share },
          ],
        },
      },
    ],
    config: { ...chartConfig, axisY: { minExtent: 120, maxExtent: 250 } },
  } as VisualizationSpec;
}
