export declare const OUT: string;
export declare function compileKernel(): Promise<Uint8Array>;
export declare function kernelModuleSource(bytes: Uint8Array): string;
