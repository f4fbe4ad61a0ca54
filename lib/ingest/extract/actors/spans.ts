import { firstStartingAfter, firstStartingAtOrAfter } from "../positions";

/**
 * Gazetteer mentions by position. They come sorted and without overlaps, so their starts and ends
 * both increase: each question is one binary search instead of a scan per name run or token. Methods
 * rather than functions of the module: asked at every token, and tsx compiles a call of an imported
 * function to a getter read first.
 */
export class SortedSpans<T extends { start: number; end: number }> {
  constructor(readonly items: T[]) {}

  /** Index of the first span whose end is at least `position` (items.length when none). */
  private firstEndingAtOrAfter(position: number): number {
    const spans = this.items;
    let low = 0;
    let high = spans.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (spans[middle].end >= position) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  /** The first span that contains [start, end). */
  containing(start: number, end: number): T | undefined {
    const span = this.items[this.firstEndingAtOrAfter(end)];
    return span && span.start <= start ? span : undefined;
  }

  overlaps(start: number, end: number): boolean {
    const span = this.items[this.firstEndingAtOrAfter(start + 1)];
    return span !== undefined && span.start < end;
  }

  /** The last span that ends at most `gap` characters before `position`. */
  endingJustBefore(position: number, gap: number): T | undefined {
    const span = this.items[this.firstEndingAtOrAfter(position + 1) - 1];
    return span && position - span.end <= gap ? span : undefined;
  }

  startingAt(position: number): T | undefined {
    const span = this.items[firstStartingAtOrAfter(this.items, position)];
    return span?.start === position ? span : undefined;
  }

  /** The first span starting in [from, to]. */
  firstStartingWithin(from: number, to: number): T | undefined {
    const span = this.items[firstStartingAtOrAfter(this.items, from)];
    return span && span.start <= to ? span : undefined;
  }

  /** The first span lying within [from, to]. */
  firstWithin(from: number, to: number): T | undefined {
    const spans = this.items;
    for (let i = firstStartingAtOrAfter(spans, from); i < spans.length && spans[i].start <= to; i++) {
      if (spans[i].end <= to) return spans[i];
    }
    return undefined;
  }

  /**
   * A span right before `position`, perhaps with "the" between: the last one separated from it only
   * by white space and "the", if it ends at most two characters before. The last such span ending
   * any earlier could not be that close, so only the ones ending in the last two characters are tried.
   */
  rightBefore(text: string, position: number): T | undefined {
    const spans = this.items;
    for (let i = firstStartingAfter(spans, position) - 1; i >= 0 && spans[i].end >= position - 2; i--) {
      const span = spans[i];
      if (span.end <= position && /^\s*(?:the\s*)?$/i.test(text.slice(span.end, position))) return span;
    }
    return undefined;
  }
}
