import { describe, expect, it } from "vitest";
import { app } from "../../worker/src/index";
import { openApiDocument } from "../../worker/src/openapi";

const HTTP_METHODS = ["get", "put", "post", "delete", "patch"];

/** `/api/dossiers/:code` and `/api/dossiers/:code{regex}` both read as `/api/dossiers/{code}`. */
const openApiPath = (honoPath: string) => honoPath.replace(/:(\w+)(\{[^}]*\})?/g, "{$1}");

/** Every route the app answers, as "METHOD /path"; middleware (`use`) is registered as ALL and is no route. */
const registered = [
  ...new Set(app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${openApiPath(r.path)}`)),
].sort();

const documented = Object.entries(openApiDocument.paths as Record<string, object>)
  .flatMap(([path, item]) => Object.keys(item).flatMap((m) => (HTTP_METHODS.includes(m) ? [`${m.toUpperCase()} ${path}`] : [])))
  .sort();

describe("the OpenAPI document", () => {
  it("documents every route the app registers", () => {
    expect(registered.filter((route) => !documented.includes(route))).toEqual([]);
  });

  it("names no route the app does not register", () => {
    expect(documented.filter((route) => !registered.includes(route))).toEqual([]);
  });

  it("reads Hono's path parameters as OpenAPI ones", () => {
    expect(openApiPath("/api/staff/dossiers/:code/actions")).toBe("/api/staff/dossiers/{code}/actions");
    expect(openApiPath("/api/files/:id{[0-9a-f-]+}/content")).toBe("/api/files/{id}/content");
    expect(registered).toContain("POST /api/staff/dossiers/{code}/actions");
  });
});
