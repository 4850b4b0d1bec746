import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, getJson } from "./helpers";

describe("GET /api/health", () => {
  it("reports the API and its database as up", async () => {
    const { status, body } = await getJson("/api/health");
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "ok", database: "ok" });
    expect(Date.parse(body.time)).not.toBeNaN();
  });
});

describe("GET /api/openapi.json", () => {
  it("documents the API contract as OpenAPI 3.1 generated from the shared schemas", async () => {
    const { status, body } = await getJson("/api/openapi.json");
    expect(status).toBe(200);
    expect(body.openapi).toBe("3.1.0");
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        "/api/health",
        "/api/procedures",
        "/api/procedures/{code}",
        "/api/fields",
        "/api/units",
        "/api/qr",
      ]),
    );
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        "/api/auth/zalo",
        "/api/files",
        "/api/drafts/{code}",
        "/api/dossiers",
        "/api/dossiers/{code}",
        "/api/track/{code}",
      ]),
    );
    expect(body.paths["/api/dossiers"].post.parameters[0]).toMatchObject({
      name: "Idempotency-Key",
      in: "header",
      required: true,
    });
    expect(body.paths["/api/dossiers"].post.requestBody.content["application/json"].schema.required).toEqual(
      expect.arrayContaining(["procedureCode", "procedureVersion", "receivingUnitId", "form", "documents", "consent"]),
    );
    const params = body.paths["/api/procedures"].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(["q", "field", "unit", "level", "onlineOnly", "essential", "limit", "cursor"]));
    const q = body.paths["/api/procedures"].get.parameters.find((p: { name: string }) => p.name === "q");
    expect(q.schema.maxLength).toBe(100);
  });
});

describe("GET /api/qr", () => {
  it("returns an SVG QR of the configured deep-link base plus the path", async () => {
    const res = await api("/api/qr?path=/p/1.004222");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(res.headers.get("x-qr-target")).toBe(`${env.QR_LINK_BASE}/p/1.004222`);
    const svg = await res.text();
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.length).toBeGreaterThan(500);
  });

  it("encodes different links as different images", async () => {
    const a = await (await api("/api/qr?path=/p/1.004222")).text();
    const b = await (await api("/api/qr?path=/u/phuong-an-hoa")).text();
    expect(a).not.toBe(b);
  });

  it.each(["", "path=https://evil.example", "path=/admin", "path=/p/", "path=/p/1.004222/../x"])("refuses %s", async (query) => {
    const { status, body } = await getJson(`/api/qr?${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe("validation_failed");
  });
});

describe("CORS", () => {
  it("allows configured origins only", async () => {
    const allowed = await api("/api/health", { headers: { Origin: "http://localhost:5173" } });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    const zalo = await api("/api/health", { headers: { Origin: "https://h5.zdn.vn" } });
    expect(zalo.headers.get("access-control-allow-origin")).toBe("https://h5.zdn.vn");
    const other = await api("/api/health", { headers: { Origin: "https://evil.example" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("answers preflight requests for allowed origins", async () => {
    const res = await api("/api/procedures", {
      method: "OPTIONS",
      headers: { Origin: "http://localhost:5173", "Access-Control-Request-Method": "GET" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
  });

  it("lets the mini app send authenticated, idempotent writes", async () => {
    const res = await api("/api/dossiers", {
      method: "OPTIONS",
      headers: {
        Origin: "https://h5.zdn.vn",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type,idempotency-key",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
    expect(res.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("idempotency-key");
  });
});

describe("errors", () => {
  it("answers unknown paths with the JSON envelope", async () => {
    const { status, body } = await getJson("/api/khong-co");
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: "not_found", message: "Không tìm thấy đường dẫn này." } });
  });

  it("sets security headers", async () => {
    const res = await api("/api/health");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
