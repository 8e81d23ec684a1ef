export declare const OUT: string;
export declare const LAYOUT_OUT: string;
export declare function compileKernel(options?: { relaxedMadd?: boolean }): Promise<Uint8Array>;
export declare function kernelModuleSource(simd128: Uint8Array, relaxed: Uint8Array): string;
export declare function kernelSources(): Promise<string>;
export declare const DENSE_OUT: string;
export declare function denseModuleSource(simd128: Uint8Array, relaxed: Uint8Array): string;
export declare function denseSources(): Promise<string>;
