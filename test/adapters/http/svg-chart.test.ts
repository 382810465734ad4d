import { describe, expect, it } from '@jest/globals';
import type { FunctionComponent, VNode } from 'preact';
import { jsx } from 'preact/jsx-runtime';
import { renderFragment } from '../../../src/adapters/http/views/html.js';
import {
  BarChart,
  HeatMap,
  heatLevel,
  HorizontalBarChart,
} from '../../../src/adapters/http/views/supervisor/svg-chart.js';

/** Renders a chart as a page does: `jsx` is what the compiler emits for `<Chart .../>`. */
function draw<P extends object>(chart: FunctionComponent<P>, props: P): string {
  return renderFragment(jsx(chart, props) as VNode);
}

describe('svg-chart', () => {
  describe('heatLevel', () => {
    it('should scale to 0..5 relative to the busiest cell', () => {
      expect(heatLevel(0, 10)).toBe(0);
      expect(heatLevel(1, 10)).toBe(1);
      expect(heatLevel(5, 10)).toBe(3);
      expect(heatLevel(10, 10)).toBe(5);
      expect(heatLevel(3, 0)).toBe(0);
    });
  });

  describe('BarChart', () => {
    it('should draw one bar per value, the tallest filling the plot, labels escaped', () => {
      const svg = draw(BarChart, {
        bars: [
          { label: '<b>a</b>', value: 2 },
          { label: 'b', value: 4 },
          { label: 'c', value: 0 },
        ],
        title: 'Per "hari"',
      });
      expect(svg.match(/<rect class="chart-bar"/g)).toHaveLength(3);
      expect(svg).toContain('height="164.0"');
      expect(svg).toContain('height="82.0"');
      expect(svg).toContain('height="0.0"');
      // Preact escapes `<` and `&` in text, which is what stops markup; `>` alone is harmless there.
      expect(svg).toContain('&lt;b>a&lt;/b>');
      expect(svg).not.toContain('<b>');
      expect(svg).toContain('aria-label="Per &quot;hari&quot;"');
      expect(svg).not.toMatch(/style=/);
    });
  });

  describe('HorizontalBarChart', () => {
    it('should show each value as text beside its bar', () => {
      const svg = draw(HorizontalBarChart, {
        bars: [{ label: 'Budi', value: 3.25 }],
        title: 'Poin',
        unit: 'jam',
      });
      expect(svg).toContain('>3.3</text>');
      expect(svg).toContain('<title>Budi: 3.3 jam</title>');
    });
  });

  describe('HeatMap', () => {
    it('should draw rows x 24 cells with the busiest one darkest', () => {
      const values = Array.from({ length: 24 }, (_, h) => (h === 9 ? 8 : h === 10 ? 2 : 0));
      const svg = draw(HeatMap, {
        rows: [
          { label: 'Senin', values },
          { label: 'Selasa', values: Array.from({ length: 24 }, () => 0) },
        ],
        title: 'Beban',
      });
      expect(svg.match(/<rect class="heat /g)).toHaveLength(48);
      expect(svg.match(/heat-5/g)).toHaveLength(1);
      expect(svg.match(/heat-2/g)).toHaveLength(1);
      expect(svg).toContain('<title>Senin 09.00: 8</title>');
    });
  });
});
