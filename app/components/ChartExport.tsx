"use client";
// Take the chart away: as an SVG file, as a PNG drawn from it, or as a link to this view.
// The SVG is the charts' own markup with the styles they inherit from the page written onto
// each element, so that it looks the same opened on its own.
import { useState } from "react";

/** Presentation properties the page's CSS may set on chart elements. */
const STYLE_PROPS = ["fill", "fill-opacity", "stroke", "stroke-width", "stroke-opacity", "stroke-dasharray", "opacity", "font-family", "font-size", "font-style", "font-weight", "text-anchor", "dominant-baseline", "visibility"];

/**
 * Writes onto the copy each presentation property whose value differs from the parent's, and
 * drops attributes that name CSS variables (the page's stylesheet does not travel with the file).
 */
function inlineStyles(source: Element, copy: Element, inherited: Map<string, string> = new Map()) {
  const computed = getComputedStyle(source);
  const own = new Map(STYLE_PROPS.map((p) => [p, computed.getPropertyValue(p)]));
  const style = [...own].filter(([p, v]) => inherited.get(p) !== v).map(([p, v]) => `${p}:${v}`);
  if (style.length > 0) copy.setAttribute("style", style.join(";"));
  for (const attribute of [...copy.attributes]) if (attribute.value.includes("var(")) copy.removeAttribute(attribute.name);
  for (let i = 0; i < source.children.length; i++) inlineStyles(source.children[i], copy.children[i], own);
}

/** The legend is HTML over the chart: drawn into the copy where it stands, a line and a name per series. */
function drawLegend(panel: Element, svgBox: DOMRect, copy: SVGSVGElement) {
  const ns = "http://www.w3.org/2000/svg";
  for (const item of panel.querySelectorAll(".recharts-legend-item")) {
    const text = item.querySelector(".recharts-legend-item-text");
    if (!text) continue;
    const at = text.getBoundingClientRect();
    const color = getComputedStyle(text).color;
    const line = document.createElementNS(ns, "line");
    line.setAttribute("x1", String(at.left - svgBox.left - 16));
    line.setAttribute("x2", String(at.left - svgBox.left - 4));
    line.setAttribute("y1", String(at.top - svgBox.top + at.height / 2));
    line.setAttribute("y2", String(at.top - svgBox.top + at.height / 2));
    line.setAttribute("style", `stroke:${color};stroke-width:2.5`);
    const label = document.createElementNS(ns, "text");
    label.setAttribute("x", String(at.left - svgBox.left));
    label.setAttribute("y", String(at.top - svgBox.top + at.height * 0.75));
    label.setAttribute("style", `font-family:system-ui,sans-serif;font-size:13px;fill:${color}`);
    label.textContent = text.textContent;
    copy.appendChild(line);
    copy.appendChild(label);
  }
}

/** Every panel's SVG stacked into one standalone document, with its title above each panel. */
export function chartSvg(root: Element): { markup: string; width: number; height: number } {
  const panels = [...root.querySelectorAll<HTMLElement>("[data-testid=chart-panel]")];
  const ns = "http://www.w3.org/2000/svg";
  const out = document.createElementNS(ns, "svg");
  let width = 0;
  let y = 0;
  for (const panel of panels) {
    const svg = panel.querySelector<SVGSVGElement>(".recharts-wrapper > svg");
    if (!svg) continue;
    const box = svg.getBoundingClientRect();
    const title = panel.querySelector(".chart-panel-title")?.textContent;
    if (title) {
      const text = document.createElementNS(ns, "text");
      text.setAttribute("x", "8");
      text.setAttribute("y", String(y + 18));
      text.setAttribute("style", "font-family:system-ui,sans-serif;font-size:15px;font-weight:600;fill:#1d232b");
      text.textContent = title;
      out.appendChild(text);
      y += 26;
    }
    const copy = svg.cloneNode(true) as SVGSVGElement;
    inlineStyles(svg, copy);
    drawLegend(panel, box, copy);
    copy.setAttribute("x", "0");
    copy.setAttribute("y", String(y));
    copy.setAttribute("width", String(box.width));
    copy.setAttribute("height", String(box.height));
    out.appendChild(copy);
    width = Math.max(width, box.width);
    y += box.height;
  }
  out.setAttribute("xmlns", ns);
  out.setAttribute("width", String(Math.ceil(width)));
  out.setAttribute("height", String(Math.ceil(y)));
  out.setAttribute("viewBox", `0 0 ${Math.ceil(width)} ${Math.ceil(y)}`);
  const background = document.createElementNS(ns, "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", "#ffffff");
  out.insertBefore(background, out.firstChild);
  return { markup: new XMLSerializer().serializeToString(out), width: Math.ceil(width), height: Math.ceil(y) };
}

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function pngOf(svg: { markup: string; width: number; height: number }, scale: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = svg.width * scale;
      canvas.height = svg.height * scale;
      const context = canvas.getContext("2d");
      if (!context) return reject(new Error("no canvas"));
      context.scale(scale, scale);
      context.drawImage(image, 0, 0);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG encoding failed"))), "image/png");
    };
    image.onerror = () => reject(new Error("the SVG did not load as an image"));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.markup)}`;
  });
}

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) return navigator.clipboard.writeText(text);
  // Pages served over plain HTTP from another host have no clipboard API.
  const area = document.createElement("textarea");
  area.value = text;
  document.body.appendChild(area);
  area.select();
  document.execCommand("copy");
  area.remove();
}

export default function ChartExport({ chartId, fileName }: { chartId: string; fileName: string }) {
  const [status, setStatus] = useState("");
  const root = () => document.getElementById(chartId);

  async function run(action: () => Promise<void> | void, done: string) {
    try {
      await action();
      setStatus(done);
    } catch (e) {
      setStatus(`Failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  return (
    <>
      <button
        type="button"
        className="button"
        data-testid="download-svg"
        onClick={() => run(() => save(new Blob([chartSvg(root()!).markup], { type: "image/svg+xml" }), `${fileName}.svg`), "SVG saved")}
      >
        SVG
      </button>
      <button
        type="button"
        className="button"
        data-testid="download-png"
        onClick={() => run(async () => save(await pngOf(chartSvg(root()!), 2), `${fileName}.png`), "PNG saved")}
      >
        PNG
      </button>
      <button type="button" className="button" data-testid="copy-link" onClick={() => run(() => copyText(window.location.href), "Link copied")}>
        Copy link
      </button>
      <span className="muted small" role="status" aria-live="polite" data-testid="chart-action-status">
        {status}
      </span>
    </>
  );
}
