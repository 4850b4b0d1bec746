import type { ChildProcess } from "node:child_process";

export declare function startPaymentSandbox(port: number, apiPort: number, options?: { detached?: boolean }): ChildProcess;
export declare function paymentSandboxVars(port: number, apiPort: number): string[];
export declare function paymentSandboxUrl(port: number): string;
