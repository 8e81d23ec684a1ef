/** A small picture of the chosen activation (solid) and its derivative (dashed), z from -3 to 3. */
import { activate, activateDerivative, type ActivationName } from '../../core/activations';
import { useT } from '../i18n';

const WIDTH = 120;
const HEIGHT = 64;
const Z_RANGE = 3;
const Y_MIN = -1.25;
const Y_MAX = 3;
/** Dense enough that the ReLU family's derivative jumps at z = 0 within a quarter pixel. */
const SAMPLES = 241;

/**
 * The curve as an SVG path. Values beyond the frame are kept, not clamped: the svg clips
 * them at its edge, so a line leaves the frame as a line (clamping drew the identity as a
 * hinge, flat along the frame's bottom).
 */
function path(f: (z: number) => number): string {
  const points: string[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const z = -Z_RANGE + (2 * Z_RANGE * i) / (SAMPLES - 1);
    const y = f(z);
    const px = (i / (SAMPLES - 1)) * WIDTH;
    const py = HEIGHT - ((y - Y_MIN) / (Y_MAX - Y_MIN)) * HEIGHT;
    points.push(`${i === 0 ? 'M' : 'L'}${px.toFixed(1)},${py.toFixed(1)}`);
  }
  return points.join('');
}

export function ActivationPreview({ activation }: { activation: ActivationName }) {
  const t = useT();
  const zeroY = HEIGHT - ((0 - Y_MIN) / (Y_MAX - Y_MIN)) * HEIGHT;
  return (
    <figure className="activation-preview">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        data-testid="activation-preview"
        role="img"
        aria-label={t.activationPreview(t.activationNames[activation])}
      >
        <line x1={0} x2={WIDTH} y1={zeroY} y2={zeroY} className="axis" />
        <line x1={WIDTH / 2} x2={WIDTH / 2} y1={0} y2={HEIGHT} className="axis" />
        <path
          d={path((z) => activateDerivative(activation, z))}
          className="derivative"
          data-testid="preview-derivative"
        />
        <path
          d={path((z) => activate(activation, z))}
          className="function"
          data-testid="preview-function"
        />
      </svg>
      <figcaption>
        <span className="formula">{t.activationFormulas[activation]}</span>
        <span className="legend">
          <span className="swatch function" /> a(z) <span className="swatch derivative" /> a′(z)
        </span>
      </figcaption>
    </figure>
  );
}
