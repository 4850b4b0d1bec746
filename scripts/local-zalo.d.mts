import type { ChildProcess } from "node:child_process";

export declare function startLocalZalo(port: number, apiPort: number, options?: { detached?: boolean }): ChildProcess;
export declare function localZaloVars(port: number): string[];
export declare function localZaloUrl(port: number): string;
