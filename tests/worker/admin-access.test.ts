import { describe, expect, it } from "vitest";
import type { Session } from "../../shared/src/auth/api";
import { app } from "../../worker/src/index";
import { api, bearer, json, signIn } from "./helpers";

/** Every admin route the app registers, so a route added later is covered without touching this test. */
const adminRoutes = [
  ...new Set(app.routes.filter((r) => r.method !== "ALL" && r.path.startsWith("/api/admin")).map((r) => `${r.method} ${r.path}`)),
].sort();

/** The figures leaders read too, for their own units. */
const forLeaders = (route: string) => route.split(" ")[1]!.startsWith("/api/admin/dashboard");
const allowed = (route: string): readonly string[] => (forLeaders(route) ? ["admin", "leader"] : ["admin"]);

/**
 * A concrete path for a route pattern: a day without a calendar entry, a month, the leader's own
 * unit for the figures, an id that exists nowhere.
 */
const concrete = (path: string) =>
  path
    .replace(/:date(\{[^}]*\})?/g, `${new Date().getUTCFullYear()}-03-03`)
    .replace(/:month(\{[^}]*\})?/g, "2026-01")
    .replace(/:unitId(\{[^}]*\})?/g, "phuong-an-hoa")
    .replace(/:(\w+)(\{[^}]*\})?/g, "00000000-0000-4000-8000-000000000000");

const ROLES = {
  resident: "cu-dan-binh",
  officer: "can-bo-phuong",
  leader: "lanh-dao-phuong",
  helper: "to-cong-nghe",
  admin: "quan-tri-tinh",
} as const;

const call = (route: string, session?: Session) => {
  const [method, path] = route.split(" ") as [string, string];
  const headers = session ? bearer(session) : {};
  const query = path.endsWith("/dossiers") ? "?figure=overdue" : "";
  return api(concrete(path) + query, method === "GET" ? { headers } : json(method, {}, headers));
};

describe("every /api/admin route × every role", () => {
  it("covers the people, invitation, change and calendar routes", () => {
    expect(adminRoutes).toEqual(
      expect.arrayContaining([
        "GET /api/admin/people",
        "PATCH /api/admin/people/:id",
        "POST /api/admin/people/:id/disable",
        "POST /api/admin/invitations",
        "POST /api/admin/invitations/:id/revoke",
        "GET /api/admin/changes",
        "PUT /api/admin/calendar/:date",
        "GET /api/admin/dashboard/units/:unitId/dossiers",
        "POST /api/admin/targets",
      ]),
    );
  });

  it("lets only the admin past authentication (the leader too for the figures): 401 anonymous, 403 every other role", {
    timeout: 60_000,
  }, async () => {
    const sessions = Object.fromEntries(
      await Promise.all(Object.entries(ROLES).map(async ([role, persona]) => [role, await signIn(persona)])),
    ) as Record<keyof typeof ROLES, Session>;
    const answers: string[] = [];
    for (const route of adminRoutes) {
      answers.push(`${route} anonymous ${(await call(route)).status}`);
      for (const role of Object.keys(ROLES) as (keyof typeof ROLES)[]) {
        const status = (await call(route, sessions[role])).status;
        answers.push(
          `${route} ${role} ${allowed(route).includes(role) ? (status === 401 || status === 403 ? status : "past auth") : status}`,
        );
      }
    }
    const expected = adminRoutes.flatMap((route) => [
      `${route} anonymous 401`,
      ...Object.keys(ROLES).map((role) => `${route} ${role} ${allowed(route).includes(role) ? "past auth" : 403}`),
    ]);
    expect(answers).toEqual(expected);
  });
});
