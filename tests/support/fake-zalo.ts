import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A small stand-in for Zalo's Graph API on loopback, speaking its HTTP shape:
 * failures are HTTP 200 with a non-zero `error` in the body.
 *
 * Tokens: "valid-<zaloId>" is a live user token; "expired-…" is rejected with error -216;
 * "broken-…" answers with a non-JSON body. Phone codes: "phone-<84xxxxxxxxx>".
 */
export async function startFakeZalo(appSecret: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const token = String(req.headers.access_token ?? "");
    const send = (body: unknown) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (token.startsWith("broken-")) {
      res.writeHead(502, { "Content-Type": "text/html" });
      res.end("<html>Bad gateway</html>");
      return;
    }
    const zaloId = token.startsWith("valid-") ? token.slice("valid-".length) : null;
    if (!zaloId) return send({ error: -216, message: "Access token is invalid" });
    if (url.pathname === "/v2.0/me") {
      const proof = createHmac("sha256", appSecret).update(token).digest("hex");
      if (req.headers.appsecret_proof !== proof) return send({ error: -124, message: "Invalid appsecret_proof" });
      return send({ id: zaloId, name: `Người dùng ${zaloId}`, picture: { data: { url: "" } }, error: 0, message: "Success" });
    }
    if (url.pathname === "/v2.0/me/info") {
      if (req.headers.secret_key !== appSecret) return send({ error: -124, message: "Invalid secret key" });
      const code = String(req.headers.code ?? "");
      if (!code.startsWith("phone-")) return send({ error: -2001, message: "Invalid code" });
      return send({ data: { number: code.slice("phone-".length) }, error: 0, message: "Success" });
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server };
}
