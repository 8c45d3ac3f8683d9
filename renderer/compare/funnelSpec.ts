// The schools' funnel plot: each school location a point (share of pupils in youth care against its number of
// pupils), the regional rate as a line, and around it the 95 % and 99,8 % control limits, which narrow as
// schools grow. A small school far from the line is chance more often than not; the funnel shows that, a
// ranking would hide it. Layers are named so tests count schools, never band or line marks.
import type { VisualizationSpec } from 'vega-embed';
import type { FunnelLimits, FunnelPosition } from '../../core/contract/schools.js';
import { formatNumber } from '../format.js';
import { chartConfig, FONT } from '../flows/chartBase.js';

export interface FunnelPoint {
  key: string;
  label: string;
  pupils: number;
  /** Share of pupils in youth care, 0–1. */
  rate: number;
  clients: number;
  zone: FunnelPosition;
}

export interface FunnelTexts {
  description: string;
  pupils: string;
  rate: string;
  school: string;
  clients: string;
  regional: string;
  band95: string;
  band998: string;
  zones: Record<FunnelPosition, string>;
}

const ZONE_COLORS: Record<FunnelPosition, string> = { above998: '#b2401f', above95: '#d99a2b', inside: '#2c6e8f', below95: '#6a9a5b', below998: '#2f6b3a' };
const ZONES: FunnelPosition[] = ['above998', 'above95', 'inside', 'below95', 'below998'];
const pct = (r: number) => `${formatNumber(r * 100, 1)} %`;

export function funnelSpec(points: FunnelPoint[], bands: FunnelLimits[], regional: number, t: FunnelTexts): VisualizationSpec {
  const values = points.map((p) => ({ ...p, zoneLabel: t.zones[p.zone], rateText: pct(p.rate), pupilsText: formatNumber(p.pupils), clientsText: formatNumber(p.clients) }));
  // The whole 99,8 % band stays in view (a tiny school's band may reach far up: that is the point).
  const maxRate = Math.max(regional * 2, ...points.map((p) => p.rate), ...bands.map((b) => b.upper998)) * 1.05;
  const y = { type: 'quantitative', title: t.rate, scale: { domain: [0, Math.min(1, maxRate)], nice: false }, axis: { format: '.0%', tickCount: 6 } } as const;
  const x = { field: 'pupils', type: 'quantitative', title: t.pupils, scale: { type: 'sqrt', zero: false, nice: false, padding: 16 }, axis: { format: ',d', tickCount: 6 } } as const;
  const bandLayer = (lo: 'lower95' | 'lower998', hi: 'upper95' | 'upper998', color: string, name: string) => ({
    name,
    data: { values: bands },
    mark: { type: 'area', color, opacity: 1, clip: true },
    encoding: { x, y: { ...y, field: lo }, y2: { field: hi } },
  });
  return {
    width: 'container',
    height: 380,
    description: t.description,
    layer: [
      bandLayer('lower998', 'upper998', '#e4edf3', 'band998'),
      bandLayer('lower95', 'upper95', '#bcd2e0', 'band95'),
      {
        name: 'regional',
        data: { values: [{ regional, text: `${t.regional}: ${pct(regional)}` }] },
        mark: { type: 'rule', color: '#1d2329', strokeDash: [5, 3] },
        encoding: { y: { ...y, field: 'regional' } },
      },
      {
        name: 'regionallabel',
        data: { values: [{ regional, text: `${t.regional}: ${pct(regional)}` }] },
        mark: { type: 'text', align: 'right', baseline: 'bottom', dy: -3, font: FONT, fontSize: 11, color: '#1d2329', x: 'width' },
        encoding: { y: { ...y, field: 'regional' }, text: { field: 'text' } },
      },
      {
        name: 'schools',
        data: { values },
        mark: { type: 'point', filled: true, size: 60, opacity: 0.9, stroke: 'white', strokeWidth: 0.8 },
        encoding: {
          x,
          y: { ...y, field: 'rate' },
          color: { field: 'zoneLabel', type: 'nominal', title: null, sort: ZONES.map((z) => t.zones[z]), scale: { domain: ZONES.map((z) => t.zones[z]), range: ZONES.map((z) => ZONE_COLORS[z]) } },
          tooltip: [
            { field: 'label', type: 'nominal', title: t.school },
            { field: 'rateText', type: 'nominal', title: t.rate },
            { field: 'clientsText', type: 'nominal', title: t.clients },
            { field: 'pupilsText', type: 'nominal', title: t.pupils },
            { field: 'zoneLabel', type: 'nominal', title: ' ' },
          ],
        },
      },
    ],
    config: chartConfig,
  } as unknown as VisualizationSpec;
}
