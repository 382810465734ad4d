import { esc } from './console-html.js';

/**
 * Small server-rendered SVG charts for the supervisor dashboard. No chart library and no CDN:
 * the CSP allows only our own origin and no inline styles, so shapes use presentation
 * attributes for geometry and classes from console.css for colour. Every chart carries a
 * <title> and an aria-label, and each bar or cell a <title> tooltip with its exact number.
 */

/** One bar. */
export interface Bar {
  label: string;
  value: number;
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/**
 * Vertical bars (e.g. applications per day). Labels are thinned out when there are many bars so
 * they stay readable on a phone.
 */
export function barChart(bars: readonly Bar[], title: string, opts: { unit?: string } = {}): string {
  const width = 640;
  const height = 220;
  const pad = { top: 16, right: 8, bottom: 40, left: 36 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const slot = bars.length ? plotW / bars.length : plotW;
  const barW = Math.max(1, slot * 0.8);
  const every = Math.max(1, Math.ceil(bars.length / 12));
  const unit = opts.unit ? ` ${opts.unit}` : '';
  const shapes = bars
    .map((b, i) => {
      const h = (b.value / max) * plotH;
      const x = pad.left + i * slot + (slot - barW) / 2;
      const y = pad.top + plotH - h;
      const label =
        i % every === 0
          ? `<text class="chart-label" x="${(x + barW / 2).toFixed(1)}" y="${height - pad.bottom + 14}" text-anchor="middle">${esc(b.label)}</text>`
          : '';
      return `<rect class="chart-bar" x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}"><title>${esc(b.label)}: ${esc(fmt(b.value))}${esc(unit)}</title></rect>${label}`;
    })
    .join('');
  const axis = `<line class="chart-axis" x1="${pad.left}" y1="${pad.top + plotH}" x2="${width - pad.right}" y2="${pad.top + plotH}"/>
<text class="chart-label" x="${pad.left - 4}" y="${pad.top + 4}" text-anchor="end">${esc(fmt(max))}</text>
<text class="chart-label" x="${pad.left - 4}" y="${pad.top + plotH}" text-anchor="end">0</text>`;
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg"><title>${esc(title)}</title>${axis}${shapes}</svg>`;
}

/** Horizontal bars with the label on the left (e.g. points per officer); long lists stay readable. */
export function horizontalBarChart(
  bars: readonly Bar[],
  title: string,
  opts: { unit?: string } = {},
): string {
  const width = 640;
  const row = 26;
  const labelW = 200;
  const height = Math.max(1, bars.length) * row + 8;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const plotW = width - labelW - 48;
  const unit = opts.unit ? ` ${opts.unit}` : '';
  const shapes = bars
    .map((b, i) => {
      const y = 4 + i * row;
      const w = (b.value / max) * plotW;
      const name = b.label.length > 28 ? `${b.label.slice(0, 27)}…` : b.label;
      return `<text class="chart-label" x="${labelW - 6}" y="${y + 16}" text-anchor="end">${esc(name)}</text>
<rect class="chart-bar" x="${labelW}" y="${y + 3}" width="${w.toFixed(1)}" height="${row - 8}"><title>${esc(b.label)}: ${esc(fmt(b.value))}${esc(unit)}</title></rect>
<text class="chart-value" x="${(labelW + w + 4).toFixed(1)}" y="${y + 16}">${esc(fmt(b.value))}</text>`;
    })
    .join('');
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg"><title>${esc(title)}</title>${shapes}</svg>`;
}

/** How dark a heat-map cell is: 0 (none) .. 5 (the busiest), relative to the busiest cell. */
export function heatLevel(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.min(5, Math.max(1, Math.ceil((value / max) * 5)));
}

/**
 * A heat map of rows x 24 hours (e.g. weekday x hour of day in WIB): darker is busier, so a
 * supervisor sees at a glance when citizens come and whether opening hours fit.
 */
export function heatMap(
  rows: ReadonlyArray<{ label: string; values: readonly number[] }>,
  title: string,
  opts: { unit?: string } = {},
): string {
  const cell = 22;
  const labelW = 64;
  const top = 18;
  const width = labelW + 24 * cell + 4;
  const height = top + rows.length * cell + 4;
  const max = Math.max(0, ...rows.flatMap((r) => r.values));
  const unit = opts.unit ? ` ${opts.unit}` : '';
  const hours = Array.from({ length: 24 }, (_, h) =>
    h % 3 === 0
      ? `<text class="chart-label" x="${labelW + h * cell + cell / 2}" y="12" text-anchor="middle">${String(h).padStart(2, '0')}</text>`
      : '',
  ).join('');
  const cells = rows
    .map((r, i) => {
      const y = top + i * cell;
      const label = `<text class="chart-label" x="${labelW - 6}" y="${y + 15}" text-anchor="end">${esc(r.label)}</text>`;
      const squares = r.values
        .map(
          (v, h) =>
            `<rect class="heat heat-${heatLevel(v, max)}" x="${labelW + h * cell}" y="${y}" width="${cell - 2}" height="${cell - 2}"><title>${esc(r.label)} ${String(h).padStart(2, '0')}.00: ${v}${esc(unit)}</title></rect>`,
        )
        .join('');
      return label + squares;
    })
    .join('');
  return `<svg class="chart heatmap" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg"><title>${esc(title)}</title>${hours}${cells}</svg>`;
}
