export declare const RELAXED_SIMD_FLAG: string;
export declare function relaxedSimdHere(): boolean;
export declare function relaxedSimdFlags(): string[];
