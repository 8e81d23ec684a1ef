/**
 * Puts a network onto the fused kernel: a kernel sized for the points, holding the
 * network's current parameters, and a network whose arrays are views of its memory.
 */
import type { Dataset } from './dataset';
import type { ModelConfig } from './config';
import type { LayerGradients } from './flatParams';
import type { Network } from './network';
import { FusedKernel } from './kernel/fusedKernel';
import { kernelModule, type KernelBuild } from './kernel/wasmRuntime';

export interface KernelBinding {
  kernel: FusedKernel;
  /** The network, its weights and biases now views of the kernel's memory: always current, never copied. */
  net: Network;
  /** The kernel's gradient buffers, per layer. */
  gradients: readonly LayerGradients[];
}

/** Allocates (a kernel for the points' N), so it runs on data changes only, never per step. */
export function bindKernel(
  net: Network,
  train: Dataset,
  config: ModelConfig,
  grid: Float32Array,
  build: KernelBuild,
): KernelBinding {
  const [l1, l2] = net.layers;
  const kernel = new FusedKernel(
    train.x,
    train.y,
    config.hidden,
    config.activation,
    grid,
    kernelModule(build),
  );
  // Copy the current parameters in (from the network, or the previous kernel's views).
  kernel.w1.set(l1!.w);
  kernel.b1.set(l1!.b);
  kernel.w2.set(l2!.w);
  kernel.b2.set(l2!.b);
  return {
    kernel,
    net: {
      layers: [
        { ...l1!, w: kernel.w1, b: kernel.b1 },
        { ...l2!, w: kernel.w2, b: kernel.b2 },
      ],
    },
    gradients: [
      { w: kernel.gw1, b: kernel.gb1 },
      { w: kernel.gw2, b: kernel.gb2 },
    ],
  };
}
