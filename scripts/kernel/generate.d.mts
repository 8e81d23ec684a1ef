export declare const BLOCK: number;
export declare const WIDE: number;
export declare const POINTERS: string[];
export declare function generateWat(options?: { relaxedMadd?: boolean }): string;
export declare const FLUSH_BELOW: number;
