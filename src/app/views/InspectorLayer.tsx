/**
 * One hidden layer's table in the step inspector: per listed unit its forward values, and
 * per gradient cell this point's share, the sum over all points and the last step's move.
 * The last hidden layer's table also holds the output weights and the output bias (at
 * depth 1 that is the tutorial's whole table: o1, a1, w2·a1, gw1, gb1, gw2, and b2 below).
 */
import { ACTIVATION_OF_O1, type ActivationName } from '../../core/activations';
import { useT } from '../i18n';
import type { GradValues, Inspected, InspectedLayer } from './inspectorModel';
import { MAX_ROWS } from './inspectorModel';
import { num, signed } from './numbers';

function GradCell({ kind, cell }: { kind: string; cell: GradValues | null }) {
  return (
    <td className="grad-cell" data-cell={kind}>
      {cell && (
        <>
          <span className="g-point" data-part="point">
            {num(cell.point)}
          </span>
          <span className="g-sum" data-part="sum">
            {num(cell.sum)}
          </span>
          {cell.moved !== null && (
            <span className="g-moved" data-part="moved">
              {signed(cell.moved)}
            </span>
          )}
        </>
      )}
    </td>
  );
}

export function InspectorLayer({
  layer,
  inspected,
  activation,
  points,
  sumsReady,
}: {
  layer: InspectedLayer;
  inspected: Inspected;
  activation: ActivationName;
  points: number;
  /** False while the sums over all points are still being added up (their cells stay empty). */
  sumsReady: boolean;
}) {
  const t = useT();
  const depth = inspected.layers.length;
  const l = layer.layer;
  const k = depth + 1;
  const last = l === depth;
  const o = `o${l}`;
  const a = `a${l}`;
  const wa = `w${k}·a${depth}`;
  const zHead = l === 1 ? 'o1 = w1·x + b1' : `${o} = a${l - 1}·w${l} + b${l}`;
  const aHead = `${a} = ${ACTIVATION_OF_O1[activation].replace(/o1/g, o)}`;
  const gwName = layer.fanIn === 1 ? `gw${l}` : `‖gw${l}‖`;
  const ready = (c: GradValues): GradValues | null => (sumsReady ? c : null);
  const s = layer.summary;
  const listed =
    layer.width > MAX_ROWS
      ? depth === 1
        ? t.inspectorRowsListed(MAX_ROWS, layer.width)
        : last
          ? t.inspectorRowsListedOut(MAX_ROWS, layer.width, wa)
          : t.inspectorRowsListedDelta(MAX_ROWS, layer.width, `dz${l}`)
      : null;
  return (
    <div className="inspector-layer" data-layer={l}>
      {depth > 1 && (
        <>
          <h4 className="inspector-layer-head">
            {t.layerHeading(l)} <span>{t.layerUnits(layer.width)}</span>
          </h4>
          <p className="inspector-key" data-testid={`inspect-summary-${l}`}>
            {t.inspectorRange(o, num(s.o.min), num(s.o.max))} ·{' '}
            {t.inspectorRange(a, num(s.a.min), num(s.a.max))} ·{' '}
            {t.inspectorRange(`dz${l}`, num(s.dz.min), num(s.dz.max))}
            <br />
            <span data-testid={`inspect-share-${l}`}>
              {t.inspectorLayerShare(num(s.shareNorm), sumsReady ? num(s.sumNorm) : '…', points)}
            </span>
          </p>
        </>
      )}
      <div className="table-scroll">
        <table className="inspector-table">
          <thead>
            <tr>
              <th scope="col">{t.inspectorUnit}</th>
              <th scope="col">{zHead}</th>
              <th scope="col">{aHead}</th>
              {last && <th scope="col">{wa}</th>}
              <th scope="col">{gwName}</th>
              <th scope="col">{`gb${l}`}</th>
              {last && <th scope="col">{`gw${k}`}</th>}
            </tr>
          </thead>
          <tbody>
            {layer.rows.map((r) => (
              <tr key={r.unit} data-unit={r.unit}>
                <th scope="row">{r.unit + 1}</th>
                <td data-cell={o}>{num(r.o)}</td>
                <td data-cell={a}>{num(r.a)}</td>
                {r.out && <td data-cell={`w${k}a${depth}`}>{num(r.out.wa)}</td>}
                <GradCell kind={`w${l}`} cell={ready(r.gw)} />
                <GradCell kind={`b${l}`} cell={ready(r.gb)} />
                {r.out && <GradCell kind={`w${k}`} cell={ready(r.out.gw)} />}
              </tr>
            ))}
          </tbody>
          {last && (
            <tfoot>
              <tr data-unit="out">
                <th scope="row">{t.inspectorOut}</th>
                <td colSpan={5} className="tfoot-note">
                  {depth === 1
                    ? t.inspectorBias(num(inspected.outputBias))
                    : t.inspectorBiasAt(k, num(inspected.outputBias))}
                </td>
                <GradCell kind={`b${k}`} cell={ready(inspected.outputBiasGrad)} />
              </tr>
            </tfoot>
          )}
        </table>
      </div>
      {listed && <p className="inspector-key">{listed}</p>}
    </div>
  );
}
