// Places the chart's annotation labels so that none overlaps another, a band label or an
// annotated dot, and none leaves the plot. Pure geometry in pixels.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelRequest {
  id: string;
  /** The dot the label belongs to. */
  anchorX: number;
  anchorY: number;
  width: number;
  height: number;
  /** The side tried first: above for a conciliatory point, below for a hostile one. */
  prefer: "above" | "below";
}

export interface PlacedLabel {
  id: string;
  box: Box;
}

/** Space kept between a label and its dot, and between labels. */
const GAP = 6;
/** How many label heights a label may move away from its dot before it is left out. */
const MAX_STEPS = 6;

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function inside(box: Box, bounds: Box): boolean {
  return box.x >= bounds.x && box.y >= bounds.y && box.x + box.width <= bounds.x + bounds.width && box.y + box.height <= bounds.y + bounds.height;
}

function clampX(x: number, width: number, bounds: Box): number {
  return Math.max(bounds.x, Math.min(x, bounds.x + bounds.width - width));
}

/**
 * Candidate boxes for one label, nearest its dot first: beside the dot, then above and below it
 * (centred or pushed to either side), stepping away; the preferred side wins among equals.
 */
function candidates(r: LabelRequest, bounds: Box): Box[] {
  const out: Array<{ box: Box; cost: number }> = [];
  const add = (x: number, y: number, cost: number) => out.push({ box: { x: clampX(x, r.width, bounds), y, width: r.width, height: r.height }, cost });
  const beside = r.anchorY - r.height / 2;
  add(r.anchorX + GAP + 6, beside, 1);
  add(r.anchorX - r.width - GAP - 6, beside, 1);
  for (let step = 0; step < MAX_STEPS; step++) {
    for (const side of [-1, 1]) {
      const offset = GAP + 4 + step * (r.height + GAP);
      const y = side < 0 ? r.anchorY - offset - r.height : r.anchorY + offset;
      const cost = step * 2 + ((side < 0) === (r.prefer === "above") ? 0 : 1.5);
      add(r.anchorX - r.width / 2, y, cost);
      add(r.anchorX - r.width + 12, y, cost + 0.5);
      add(r.anchorX - 12, y, cost + 0.5);
    }
  }
  return out.sort((a, b) => a.cost - b.cost).map((c) => c.box);
}

/**
 * Places labels in the order given (earlier ones keep the better spots). A label that finds no
 * free spot within reach of its dot is left out rather than drawn over another.
 */
export function placeLabels(requests: LabelRequest[], bounds: Box, obstacles: Box[]): PlacedLabel[] {
  const dots: Box[] = requests.map((r) => ({ x: r.anchorX - 8, y: r.anchorY - 8, width: 16, height: 16 }));
  const taken: Box[] = [...obstacles, ...dots];
  const placed: PlacedLabel[] = [];
  for (const r of requests) {
    const spot = candidates(r, bounds).find((box) => inside(box, bounds) && !taken.some((t) => overlaps(box, t)));
    if (!spot) continue;
    placed.push({ id: r.id, box: spot });
    taken.push({ x: spot.x - GAP / 2, y: spot.y - GAP / 2, width: spot.width + GAP, height: spot.height + GAP });
  }
  return placed;
}
