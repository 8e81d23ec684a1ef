/**
 * One parameter group's row in the network panel (its name, note, strip canvas and scale),
 * and the rows' layout from the layer widths alone, before any frame: the panel draws into them.
 */
import type { StripValues } from '../../core/panelStrips';
import { useT, type Messages } from '../i18n';

/** One strip row as the skeleton lays it out before any frame. */
export interface StripSlot {
  name: string;
  kind: StripValues['kind'];
  fanIn: number;
  /** Its place in the draw order: each hidden layer's strips, then the output's weights. */
  index: number;
}

/** The strips of each hidden layer, then the output's weights, from the widths alone. */
export function slotsFor(layers: readonly number[]): { hidden: StripSlot[][]; output: StripSlot } {
  const hidden = layers.map((_, l): StripSlot[] => [
    l === 0
      ? { name: 'w1', kind: 'w-in', fanIn: 1, index: 0 }
      : { name: `‖w${l + 1}‖`, kind: 'w-norm', fanIn: layers[l - 1]!, index: 2 * l },
    { name: `b${l + 1}`, kind: 'b', fanIn: 1, index: 2 * l + 1 },
  ]);
  const output: StripSlot = {
    name: `w${layers.length + 1}`,
    kind: 'w-out',
    fanIn: 1,
    index: 2 * layers.length,
  };
  return { hidden, output };
}

function stripNote(t: Messages, slot: StripSlot): string {
  switch (slot.kind) {
    case 'w-in':
      return t.groupNotes.w1;
    case 'w-norm':
      return t.normNote(slot.fanIn);
    case 'b':
      return t.groupNotes.b1;
    case 'w-out':
      return t.groupNotes.w2;
  }
}

export function StripRow({
  slot,
  canvasRef,
  scaleRef,
}: {
  slot: StripSlot;
  canvasRef: (el: HTMLCanvasElement | null) => void;
  scaleRef: (el: HTMLSpanElement | null) => void;
}) {
  const t = useT();
  return (
    <div className="strip-row" data-strip={slot.name}>
      <div className="strip-label">
        <b>{slot.name}</b>
        <span>{stripNote(t, slot)}</span>
      </div>
      <canvas
        ref={canvasRef}
        className="strip-canvas"
        role="img"
        aria-label={slot.kind === 'w-norm' ? t.normStripLabel(slot.name) : t.stripLabel(slot.name)}
      />
      <span ref={scaleRef} className="strip-scale" />
    </div>
  );
}
