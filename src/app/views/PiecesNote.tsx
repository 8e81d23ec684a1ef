/**
 * Under the fit plot while kinks are shown (piecewise-linear activations): how many linear
 * pieces the network's function has on the plotted range, what research found about that
 * number, and where first-layer hinges pile up (zero initial biases put them all at 0).
 * Written from liveStore on animation frames, straight to text nodes.
 */
import { useEffect, useRef } from 'react';
import { sameSetting } from '../../core/config';
import { piecewiseLinear } from '../../core/framePolicy';
import { PLOT_X_RANGE } from '../../core/grid';
import { largestPile } from '../../core/hingePile';
import type { PanelStrips } from '../../core/panelStrips';
import { useT } from '../i18n';
import { liveStore, type LiveState } from '../liveStore';
import { subscribeRaf } from '../rafSubscribe';
import { useAppStore } from '../store';
import { PILE_WIDTH } from './kinkPiles';
import { useViewStore } from './viewStore';

/** A pile is worth a sentence when it holds at least this many hinges and this share of the layer. */
const PILE_MIN = 3;
const PILE_SHARE = 0.25;
/** A pile this close to x = 0 is the zero biases' doing. */
const AT_ZERO = 1e-3;

export function PiecesNote() {
  const t = useT();
  const showKinks = useViewStore((s) => s.showKinks);
  const activation = useAppStore((s) => s.config.activation);
  const layers = useAppStore((s) => s.config.layers);
  const countRef = useRef<HTMLSpanElement>(null);
  const pileRef = useRef<HTMLSpanElement>(null);
  const shown = showKinks && piecewiseLinear(activation);

  useEffect(() => {
    if (!shown) return;
    let pileOf: PanelStrips | null = null;
    const near = PILE_WIDTH * (PLOT_X_RANGE[1] - PLOT_X_RANGE[0]);
    const draw = ({ frame }: LiveState) => {
      const ours = frame && sameSetting(frame.layers, layers) ? frame : null;
      const pieces = ours?.picture.kinks?.pieces;
      const count = pieces === undefined ? '' : t.piecesCount(pieces);
      if (countRef.current && countRef.current.textContent !== count)
        countRef.current.textContent = count;
      const strips = ours?.picture.strips ?? null;
      if (strips === pileOf || !pileRef.current) return;
      pileOf = strips;
      let text = '';
      // The first layer's hinges sit at -b1 / w1: its strips hold both, in every frame at any size.
      const first = strips?.hidden[0];
      if (first) {
        const [w, b] = first.strips;
        const pile = largestPile(w!.values, b!.values, near);
        if (pile.count >= Math.max(PILE_MIN, PILE_SHARE * first.width)) {
          const atZero = Math.abs(pile.x) < AT_ZERO;
          text = t.pileNote(pile.count, first.width, atZero ? '0' : pile.x.toFixed(3), atZero);
        }
      }
      pileRef.current.textContent = text;
    };
    return subscribeRaf(liveStore, draw, 'draw:pieces-note');
  }, [shown, layers, t]);

  if (!shown) return null;
  return (
    <p className="pieces-note">
      <span ref={countRef} className="pieces-count" data-testid="pieces" />{' '}
      <span ref={pileRef} className="pieces-pile" data-testid="kink-pile" />{' '}
      <span className="pieces-hint">{t.piecesHint}</span>
    </p>
  );
}
