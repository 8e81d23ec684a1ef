export declare const DENSE_BLOCK: number;
export declare const TILE_SAMPLES: number;
export declare const TILE_PANELS: number;
export declare const K_UNROLL: number;
export declare const GRAD_PANELS: number;
export declare const GRAD_UNROLL: number;
export declare function forwardName(activation: string): string;
export declare function updateName(optimizer: string, penalized: boolean): string;
export declare function backwardInputName(activation: string): string;
/** Options of a generation; kUnroll and gradUnroll override K_UNROLL and GRAD_UNROLL (A/B runs). */
export interface DenseOptions {
  relaxedMadd?: boolean;
  kUnroll?: number;
  gradUnroll?: number;
}
export declare function generateDenseWat(options?: DenseOptions): string;
export declare function compileDense(options?: DenseOptions): Promise<Uint8Array<ArrayBuffer>>;
