import type { ComponentChildren } from 'preact';

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

/** What every bar chart takes: the bars, the chart's title and the unit its numbers are in. */
export interface BarChartProps {
  bars: readonly Bar[];
  title: string;
  unit?: string | undefined;
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
const suffix = (unit: string | undefined) => (unit ? ` ${unit}` : '');
const hh = (h: number) => String(h).padStart(2, '0');

/** The outer `<svg>`: the title twice, once for screen readers (aria-label), once as a tooltip. */
function ChartFrame(p: {
  class: string;
  width: number;
  height: number;
  title: string;
  children: ComponentChildren;
}) {
  return (
    <svg
      class={p.class}
      viewBox={`0 0 ${p.width} ${p.height}`}
      role="img"
      aria-label={p.title}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title>{p.title}</title>
      {p.children}
    </svg>
  );
}

const BAR = { width: 640, height: 220, top: 16, right: 8, bottom: 40, left: 36 };

/**
 * Vertical bars (e.g. applications per day). Labels are thinned out when there are many bars so
 * they stay readable on a phone.
 */
export function BarChart({ bars, title, unit }: BarChartProps) {
  const { width, height, top, bottom, left } = BAR;
  const plotW = width - left - BAR.right;
  const plotH = height - top - bottom;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const slot = bars.length ? plotW / bars.length : plotW;
  const barW = Math.max(1, slot * 0.8);
  const every = Math.max(1, Math.ceil(bars.length / 12));
  return (
    <ChartFrame class="chart" width={width} height={height} title={title}>
      <line class="chart-axis" x1={left} y1={top + plotH} x2={width - BAR.right} y2={top + plotH} />
      <text class="chart-label" x={left - 4} y={top + 4} text-anchor="end">
        {fmt(max)}
      </text>
      <text class="chart-label" x={left - 4} y={top + plotH} text-anchor="end">
        0
      </text>
      {bars.map((b, i) => {
        const h = (b.value / max) * plotH;
        const x = left + i * slot + (slot - barW) / 2;
        return (
          <>
            <rect
              class="chart-bar"
              x={x.toFixed(1)}
              y={(top + plotH - h).toFixed(1)}
              width={barW.toFixed(1)}
              height={h.toFixed(1)}
            >
              <title>{`${b.label}: ${fmt(b.value)}${suffix(unit)}`}</title>
            </rect>
            {i % every === 0 ? (
              <text
                class="chart-label"
                x={(x + barW / 2).toFixed(1)}
                y={height - bottom + 14}
                text-anchor="middle"
              >
                {b.label}
              </text>
            ) : null}
          </>
        );
      })}
    </ChartFrame>
  );
}

/** Horizontal bars with the label on the left (e.g. points per officer); long lists stay readable. */
export function HorizontalBarChart({ bars, title, unit }: BarChartProps) {
  const width = 640;
  const row = 26;
  const labelW = 200;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const plotW = width - labelW - 48;
  return (
    <ChartFrame class="chart" width={width} height={Math.max(1, bars.length) * row + 8} title={title}>
      {bars.map((b, i) => {
        const y = 4 + i * row;
        const w = (b.value / max) * plotW;
        return (
          <>
            <text class="chart-label" x={labelW - 6} y={y + 16} text-anchor="end">
              {b.label.length > 28 ? `${b.label.slice(0, 27)}…` : b.label}
            </text>
            <rect class="chart-bar" x={labelW} y={y + 3} width={w.toFixed(1)} height={row - 8}>
              <title>{`${b.label}: ${fmt(b.value)}${suffix(unit)}`}</title>
            </rect>
            <text class="chart-value" x={(labelW + w + 4).toFixed(1)} y={y + 16}>
              {fmt(b.value)}
            </text>
          </>
        );
      })}
    </ChartFrame>
  );
}

/** How dark a heat-map cell is: 0 (none) .. 5 (the busiest), relative to the busiest cell. */
export function heatLevel(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.min(5, Math.max(1, Math.ceil((value / max) * 5)));
}

/** One row of a heat map: its label and one value per hour of the day. */
export interface HeatRow {
  label: string;
  values: readonly number[];
}

const HEAT = { cell: 22, labelW: 64, top: 18 };

/**
 * A heat map of rows x 24 hours (e.g. weekday x hour of day in WIB): darker is busier, so a
 * supervisor sees at a glance when citizens come and whether opening hours fit.
 */
export function HeatMap({ rows, title, unit }: { rows: readonly HeatRow[]; title: string; unit?: string }) {
  const { cell, labelW, top } = HEAT;
  const max = Math.max(0, ...rows.flatMap((r) => r.values));
  return (
    <ChartFrame
      class="chart heatmap"
      width={labelW + 24 * cell + 4}
      height={top + rows.length * cell + 4}
      title={title}
    >
      {Array.from({ length: 24 }, (_, h) =>
        h % 3 === 0 ? (
          <text class="chart-label" x={labelW + h * cell + cell / 2} y={12} text-anchor="middle">
            {hh(h)}
          </text>
        ) : null,
      )}
      {rows.map((r, i) => {
        const y = top + i * cell;
        return (
          <>
            <text class="chart-label" x={labelW - 6} y={y + 15} text-anchor="end">
              {r.label}
            </text>
            {r.values.map((v, h) => (
              <rect
                class={`heat heat-${heatLevel(v, max)}`}
                x={labelW + h * cell}
                y={y}
                width={cell - 2}
                height={cell - 2}
              >
                <title>{`${r.label} ${hh(h)}.00: ${v}${suffix(unit)}`}</title>
              </rect>
            ))}
          </>
        );
      })}
    </ChartFrame>
  );
}
