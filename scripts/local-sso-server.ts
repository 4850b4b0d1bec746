// The local SSO: `tsx scripts/local-sso-server.ts <port> <api port>` (started by scripts/local-sso.mjs).
import { LOCAL_CITIZEN_USERNAMES, LOCAL_SSO_PASSWORD, LOCAL_STAFF_USERNAMES, localSsoClient } from "./local-sso.mjs";
import { startOidcProvider } from "./oidc-provider";
import { SAMPLE_CITIZEN_CLAIMS } from "./sample-citizens";

const [port, apiPort] = process.argv.slice(2).map(Number);
if (!port || !apiPort) throw new Error("usage: local-sso-server.ts <port> <api port>");

const accounts = [...LOCAL_STAFF_USERNAMES, ...LOCAL_CITIZEN_USERNAMES].map((username) => ({
  username,
  password: LOCAL_SSO_PASSWORD,
}));
const { server } = await startOidcProvider(localSsoClient(apiPort), { port, accounts, claims: SAMPLE_CITIZEN_CLAIMS });
const stop = () => server.close(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
