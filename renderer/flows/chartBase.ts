// What every flows chart shares: the font and axis styling of the pivot's charts, a fixed y-axis width so
// stacked panels line up on the same x, and the d3 number format of the Dutch locale.
export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
export const Y_AXIS_WIDTH = 64;

export const chartConfig = {
  font: FONT,
  background: 'transparent',
  view: { stroke: null },
  axis: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 600, labelColor: '#333', titleColor: '#333', gridColor: '#e6e6e6' },
  axisY: { minExtent: Y_AXIS_WIDTH, maxExtent: Y_AXIS_WIDTH },
  legend: { labelFontSize: 12, titleFontSize: 12, orient: 'top', labelLimit: 320 },
};

export const COUNT_FORMAT = ',d';
/** Whole ticks for counts (else ",d" prints 0, 1, 1, 2, 2 for ticks at halves). */
export const countAxis = { format: COUNT_FORMAT, tickMinStep: 1, tickCount: 5 };

export const COLORS = {
  nieuw: '#2c6e8f',
  herhaald: '#7fb4cf',
  doorstroom: '#d99a2b',
  uitstroom: '#c4553a',
  stock: '#1d2329',
  history: '#efe9d6',
};
