/** Play/Pause, Step, Reset, and the live readouts of the run. */
import { useEffect, useRef } from 'react';
import { PlayIcon } from './PlayIcon';
import { resetRun, stepOnce, togglePlaying } from './actions';
import { formatLoss, formatRate } from './format';
import { liveStore } from './liveStore';
import { subscribeRaf } from './rafSubscribe';
import { useAppStore } from './store';
import { useT } from './i18n';
import { CompareButton } from './compare/CompareButton';

function Readouts() {
  const t = useT();
  const stepRef = useRef<HTMLSpanElement>(null);
  const epochRef = useRef<HTMLSpanElement>(null);
  const lossRef = useRef<HTMLSpanElement>(null);
  const batchLossRef = useRef<HTMLSpanElement>(null);
  const batchRowRef = useRef<HTMLDivElement>(null);
  const testLossRef = useRef<HTMLSpanElement>(null);
  /** With a test share on, the held-out points' loss stands beside the training loss. */
  const showTest = useAppStore((s) => s.config.testShare > 0);
  const rateRef = useRef<HTMLSpanElement>(null);
  // Written straight to the DOM each animation frame: the numbers change 60 times a second.
  useEffect(
    () =>
      subscribeRaf(liveStore, ({ frame, history }) => {
        stepRef.current!.textContent = frame ? String(frame.step) : '0';
        epochRef.current!.textContent = frame ? String(frame.epochs) : '0';
        // What the worker last said of the run: Pause shows at once, the worker's last frame of
        // the steps it took meanwhile comes after, marked 'paused'.
        stepRef.current!.dataset.state = frame?.state ?? '';
        // A NaN loss of a running (not diverged) run means no points to train on: no loss.
        const noData = frame !== null && Number.isNaN(frame.loss) && frame.state !== 'diverged';
        // With mini-batches the frame's loss is a batch's: the readout is the loss on all the
        // training points, and the last batch's loss stands beside it.
        const trainLoss = frame?.trainLoss ?? null;
        const batched = trainLoss !== null;
        lossRef.current!.textContent =
          frame && !noData ? formatLoss(batched ? trainLoss : frame.loss) : '–';
        batchRowRef.current!.hidden = !batched;
        batchLossRef.current!.textContent =
          batched && Number.isFinite(history.lastLoss) ? formatLoss(history.lastLoss) : '–';
        const testLoss = frame?.testLoss;
        if (testLossRef.current)
          testLossRef.current.textContent =
            testLoss != null && Number.isFinite(testLoss) ? formatLoss(testLoss) : '–';
        rateRef.current!.textContent = frame ? formatRate(frame.stepsPerSecond) : '0';
        // Hovering the rate says what trains (the kernel's build differs by browser).
        const engine = frame
          ? `${t.engine(frame.engine)}${frame.threads > 1 ? t.engineThreads(frame.threads) : ''}`
          : '';
        if (rateRef.current!.title !== engine) rateRef.current!.title = engine;
      }),
    [t, showTest],
  );
  return (
    <dl className="readouts">
      <div>
        <dt>{t.readoutStep}</dt>
        <dd>
          <span ref={stepRef} data-testid="step">
            0
          </span>
        </dd>
      </div>
      <div title={t.readoutEpochTitle}>
        <dt>{t.readoutEpoch}</dt>
        <dd>
          <span ref={epochRef} data-testid="epoch">
            0
          </span>
        </dd>
      </div>
      <div>
        <dt>{t.readoutLoss}</dt>
        <dd>
          <span ref={lossRef} data-testid="loss">
            –
          </span>
        </dd>
      </div>
      <div ref={batchRowRef} title={t.readoutBatchLossTitle} hidden>
        <dt>{t.readoutBatchLoss}</dt>
        <dd>
          <span ref={batchLossRef} data-testid="batch-loss">
            –
          </span>
        </dd>
      </div>
      {showTest && (
        <div>
          <dt>{t.readoutTestLoss}</dt>
          <dd>
            <span ref={testLossRef} data-testid="test-loss">
              –
            </span>
          </dd>
        </div>
      )}
      <div>
        <dt>{t.readoutRate}</dt>
        <dd>
          <span ref={rateRef} data-testid="rate">
            0
          </span>
        </dd>
      </div>
    </dl>
  );
}

export function Transport() {
  const t = useT();
  const playing = useAppStore((s) => s.playing);
  /** A diverged run or a dead worker cannot go on until Reset or Restart. */
  const blocked = useAppStore((s) => s.runState === 'diverged' || s.workerError !== null);
  // Show Play, disabled, until then (Reset keeps the intent to play).
  const showPause = playing && !blocked;
  return (
    <div className="panel transport">
      <div className="buttons">
        <button type="button" className="primary" onClick={togglePlaying} disabled={blocked}>
          <PlayIcon playing={showPause} />
          {showPause ? t.pause : t.play}
        </button>
        <button type="button" onClick={stepOnce} disabled={blocked} title={t.stepTitle}>
          {t.step}
        </button>
        <button type="button" onClick={resetRun} title={t.resetTitle}>
          {t.reset}
        </button>
        <CompareButton />
      </div>
      <Readouts />
    </div>
  );
}
