import type { ChildProcess } from "node:child_process";

export declare const LOCAL_SSO_PASSWORD: string;
export declare const LOCAL_STAFF_USERNAMES: string[];
export declare const LOCAL_CITIZEN_USERNAMES: string[];
export declare function localSsoClient(apiPort: number): { clientId: string; clientSecret: string; redirectUris: string[] };
export declare function startLocalSso(port: number, apiPort: number, options?: { detached?: boolean }): ChildProcess;
export declare function localSsoVars(port: number, apiPort: number): string[];
export declare function localSsoUrl(port: number): string;
