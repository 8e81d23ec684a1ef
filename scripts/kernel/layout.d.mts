export declare function kernelExports(): string[];
export declare function kernelLayoutSource(): string;
