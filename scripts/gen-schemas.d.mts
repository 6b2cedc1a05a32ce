// Types for gen-schemas.mjs, which the schema service calls when dist/k8s-definitions.json is missing.
export declare const INT_OR_STRING: string;
export declare const QUANTITY: string;
export declare function packageOf(group: string, version: string): string;
export declare function generateDefinitions(root?: string): { definitions: Record<string, Record<string, any>> };
export declare function writeDefinitions(root: string, out: string): string;
