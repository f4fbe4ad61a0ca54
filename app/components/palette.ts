/** Okabe–Ito palette: series stay distinguishable with the common colour-vision deficiencies. */
export const SERIES_PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#1d232b", "#8c6d31"];

export function seriesColor(i: number): string {
  return SERIES_PALETTE[i % SERIES_PALETTE.length];
}
