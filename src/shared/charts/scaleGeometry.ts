// Geometry of the scale chart: one column per point of the scale, and a marker at the average.

export const SCALE_CHART = {
  width: 820,
  height: 360,
  /** Room above the highest column for its count. */
  top: 72,
  /** Room below the baseline for the point numbers and the end labels. */
  bottom: 96,
  gap: 18,
} as const;

export interface ScaleColumn {
  point: number;
  count: number;
  x: number;
  width: number;
  /** Share of the available height the column fills, 0..1. */
  fraction: number;
}

export interface ScaleLayout {
  columns: ScaleColumn[];
  /** Where the columns stand. */
  baseline: number;
  /** Height of a column that holds the most votes. */
  maxHeight: number;
  /** x of the average marker, or null when nobody answered. */
  averageX: number | null;
}

export function scaleLayout(counts: readonly number[], average: number | null, min: number): ScaleLayout {
  const n = Math.max(1, counts.length);
  const width = (SCALE_CHART.width - SCALE_CHART.gap * (n - 1)) / n;
  const most = Math.max(0, ...counts);
  const columns = counts.map((count, k) => ({
    point: min + k,
    count,
    x: k * (width + SCALE_CHART.gap),
    width,
    fraction: most > 0 ? count / most : 0,
  }));
  const centre = (k: number): number => k * (width + SCALE_CHART.gap) + width / 2;
  let averageX: number | null = null;
  if (average !== null && Number.isFinite(average)) {
    // The average lies between two points; place it between their column centres.
    const position = Math.min(n - 1, Math.max(0, average - min));
    const below = Math.floor(position);
    const above = Math.min(n - 1, below + 1);
    averageX = centre(below) + (centre(above) - centre(below)) * (position - below);
  }
  return {
    columns,
    baseline: SCALE_CHART.height - SCALE_CHART.bottom,
    maxHeight: SCALE_CHART.height - SCALE_CHART.bottom - SCALE_CHART.top,
    averageX,
  };
}
