/** The `fit` command's --help text: every flag, what it accepts, and the exit statuses. */
import { ACTIVATIONS } from '../core/activations';
import { MAX_HIDDEN_LAYERS, NUMERIC_SPECS } from '../core/config';
import { DATASETS } from '../core/dataset';
import { INITS } from '../core/init';
import { PRINT_EVERY } from '../core/numpyScript';
import { PRESET_IDS } from '../core/presets';
import { DEFAULT_PRESET, ENGINES, MAX_FIT_STEPS } from './args';
import { COMPARE_USAGE } from './compareArgs';
import { SCRIPT_USAGE } from './scriptFlag';
import { TEST_USAGE } from './testArgs';
import { TRAINING_USAGE } from './trainingArgs';

export const USAGE = `Usage: npm run fit -- [flags]

Trains the tutorial's network (1 -> H -> 1, or up to ${MAX_HIDDEN_LAYERS} hidden layers) headless, as the
playground's worker does, and prints the loss every ${PRINT_EVERY} steps (like the tutorial's
print(average_cost)), then a summary.

  --preset NAME        ${PRESET_IDS.join(' | ')} (default ${DEFAULT_PRESET});
                       the flags below override its settings
  --seed N             numpy seed, a whole number from 0 to ${NUMERIC_SPECS.seed.max} (default 0)
  --dataset NAME       ${DATASETS.join(' | ')}
  --points N           samples, a whole number from ${NUMERIC_SPECS.points.min} to ${NUMERIC_SPECS.points.max}
  --noise S            noise std. dev., from ${NUMERIC_SPECS.noise.min} to ${NUMERIC_SPECS.noise.max}
  --hidden H           one hidden layer of H units, a whole number from ${NUMERIC_SPECS.hidden.min} to ${NUMERIC_SPECS.hidden.max}
  --layers W,W,...     1 to ${MAX_HIDDEN_LAYERS} hidden layers, their widths from the input (e.g. 32,16,8),
                       each from ${NUMERIC_SPECS.hidden.min} to ${NUMERIC_SPECS.hidden.max}; --hidden H is --layers H
  --init NAME          ${INITS.join(' | ')}: how the starting weights are drawn (tutorial:
                       normal(0, 0.1), biases 0.1; glorot: scale sqrt(2/(in+out)), he: scale
                       sqrt(2/in), biases 0)
  --expression EXPR    the target of --dataset custom, e.g. "sin(3*x) + 0.5*x^2"
  --activation NAME    ${ACTIVATIONS.join(' | ')}
  --lr R               learning rate, from ${NUMERIC_SPECS.learningRate.min} to ${NUMERIC_SPECS.learningRate.max}
  --steps N            steps, a whole number from 0 to ${MAX_FIT_STEPS} (default: the preset's)
  --engine NAME        ${ENGINES.join(' | ')}: the WebAssembly kernel or the TypeScript reference
                       (default: as the page's worker picks, the kernel where this runtime
                       has WebAssembly SIMD); the kernels train every depth: one hidden
                       layer on the fused kernel, deeper networks and the options below on
                       the dense ones (docs/kernel-deep.md)
  --threads T          split each large step of the kernel across T threads, 1 to 64
                       (default: one per core; 1: one thread); the losses
                       agree with one thread's to float32 rounding (docs/threads.md)
${TRAINING_USAGE}${TEST_USAGE}  --json               print one JSON object (config, seed, lr, options, x, y, test (1: held
                       out), initial, losses (each step's loss on its batch), epochs, final,
                       testLoss (of final; null when none is held out));
                       initial and final list every layer from the input as {"w": [in][out],
                       "b": [1][out]}, as numpy's .tolist() nests them
  --spec FILE          train from the exact numbers in a JSON file: x, y, initial (any depth:
                       its shapes give the layers), activation, lr, steps, optionally test and
                       options (the flags above override them; a file written by --json works
                       too)
${SCRIPT_USAGE}${COMPARE_USAGE}  --help               this text

Exit status: 0 done, 1 the run (with --compare, any run) diverged (by the page's rule; --json's
final then holds the last good parameters, from at most ${PRINT_EVERY} steps before), 2 bad flags
or spec file.
`;
