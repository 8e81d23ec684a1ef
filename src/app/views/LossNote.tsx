/** What the two reference lines on the loss plot mean. */
export function LossNote() {
  return (
    <p className="loss-note">
      <span className="swatch-floor" aria-hidden="true" /> Noise floor: the true function’s own error on this data; a training loss far
      below it means the network is fitting the noise. <span className="swatch-line" aria-hidden="true" /> Best straight line: the lowest
      loss a network without activation can ever reach.
    </p>
  );
}
