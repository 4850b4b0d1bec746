import type { ChildProcess } from "node:child_process";

export declare function startLocalPortal(port: number, options?: { detached?: boolean }): ChildProcess;
export declare function localPortalVars(port: number): string[];
export declare function localPortalUrl(port: number): string;
