/**
 * Editing data on the fit plot, in "edit points" mode: click to add a point, drag one to
 * move it, Shift-click (or any click in delete mode, for touch screens) to remove one.
 * Pixel <-> data conversion uses Plotly's axis objects, the same ones it draws with.
 */

/** How close a click must be to a point to grab or remove it, CSS px. */
const HIT_RADIUS_PX = 10;

interface Axis {
  p2c(px: number): number;
  c2p(value: number): number;
}

interface PlotDiv extends HTMLElement {
  _fullLayout?: { xaxis: Axis; yaxis: Axis; _size: { l: number; t: number; w: number; h: number } };
}

export interface EditCallbacks {
  /** Current points (float32, as plotted). */
  points(): { x: Float32Array; y: Float32Array };
  add(x: number, y: number): void;
  move(index: number, x: number, y: number): void;
  remove(index: number): void;
  /** Whether a plain click removes (delete mode). */
  deleteMode(): boolean;
}

function toData(
  div: PlotDiv,
  event: PointerEvent,
): { x: number; y: number; px: number; py: number } | null {
  const layout = div._fullLayout;
  if (!layout) return null;
  const rect = div.getBoundingClientRect();
  const px = event.clientX - rect.left - layout._size.l;
  const py = event.clientY - rect.top - layout._size.t;
  if (px < 0 || py < 0 || px > layout._size.w || py > layout._size.h) return null;
  return { x: layout.xaxis.p2c(px), y: layout.yaxis.p2c(py), px, py };
}

function nearest(
  div: PlotDiv,
  px: number,
  py: number,
  pts: { x: Float32Array; y: Float32Array },
): number {
  const layout = div._fullLayout!;
  let best = -1;
  let bestD = HIT_RADIUS_PX * HIT_RADIUS_PX;
  for (let i = 0; i < pts.x.length; i++) {
    const dx = layout.xaxis.c2p(pts.x[i]!) - px;
    const dy = layout.yaxis.c2p(pts.y[i]!) - py;
    const d = dx * dx + dy * dy;
    if (d <= bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

/** Listens on the plot in the capture phase, ahead of Plotly's own drag handling. Returns the uninstall. */
export function installPointEditing(div: HTMLElement, cb: EditCallbacks): () => void {
  const plot = div as PlotDiv;
  let dragging = -1;
  const onDown = (event: PointerEvent) => {
    const at = toData(plot, event);
    if (!at || event.button !== 0) return;
    event.stopPropagation();
    event.preventDefault();
    const hit = nearest(plot, at.px, at.py, cb.points());
    if (hit >= 0 && (event.shiftKey || cb.deleteMode())) {
      cb.remove(hit);
    } else if (hit >= 0) {
      dragging = hit;
      div.setPointerCapture(event.pointerId);
    } else if (!cb.deleteMode()) {
      cb.add(at.x, at.y);
    }
  };
  const onMove = (event: PointerEvent) => {
    if (dragging < 0) return;
    const at = toData(plot, event);
    if (at) cb.move(dragging, at.x, at.y);
  };
  const onUp = (event: PointerEvent) => {
    if (dragging >= 0 && div.hasPointerCapture(event.pointerId))
      div.releasePointerCapture(event.pointerId);
    dragging = -1;
  };
  div.addEventListener('pointerdown', onDown, true);
  div.addEventListener('pointermove', onMove);
  div.addEventListener('pointerup', onUp);
  div.addEventListener('pointercancel', onUp);
  return () => {
    div.removeEventListener('pointerdown', onDown, true);
    div.removeEventListener('pointermove', onMove);
    div.removeEventListener('pointerup', onUp);
    div.removeEventListener('pointercancel', onUp);
  };
}
