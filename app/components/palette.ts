/**
 * Okabe–Ito palette: series stay distinguishable with the common colour-vision deficiencies.
 * Its bluish green and yellow are left out: green reads as the conciliatory band, yellow
 * vanishes on white.
 */
export const SERIES_PALETTE = ["#0072B2", "#D55E00", "#CC79A7", "#E69F00", "#56B4E9", "#1d232b", "#8c6d31", "#6a3d9a"];

export function seriesColor(i: number): string {
  return SERIES_PALETTE[i % SERIES_PALETTE.length];
}
