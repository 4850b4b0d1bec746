import { and, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { InvitationBody, InvitationCreated } from "../../shared/src/admin/people";
import type { Session } from "../../shared/src/auth/api";
import { adminChanges } from "../../worker/src/db/schema";
import { bearer, db, getJson, json, signIn } from "./helpers";

let invited = 0;

/** The province admin's session (the `quan-tri-tinh` persona). */
export const admin = () => signIn("quan-tri-tinh");

/** A body for POST /api/admin/invitations: an officer of Phường An Hòa unless overridden. */
export const invitationBody = (overrides: Partial<z.input<typeof InvitationBody>> = {}): z.input<typeof InvitationBody> => ({
  displayName: `Cán bộ được mời ${++invited}`,
  role: "officer",
  unitId: "phuong-an-hoa",
  grantUnitIds: [],
  reason: "Bổ sung cán bộ một cửa",
  ...overrides,
});

/** Creates an invitation that must succeed; returns its answer (link, token, expiry). */
export async function invite(by: Session, overrides: Partial<z.input<typeof InvitationBody>> = {}): Promise<InvitationCreated> {
  const res = await getJson<InvitationCreated>("/api/admin/invitations", json("POST", invitationBody(overrides), bearer(by)));
  if (res.status !== 201) throw new Error(`invitation failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export const accept = (session: Session, token: string) =>
  getJson("/api/invitations/accept", json("POST", { token }, bearer(session)));

/** The record of changes about one entity, newest first, straight from D1. */
export const changesOf = (entity: string, entityId: string) =>
  db()
    .select()
    .from(adminChanges)
    .where(and(eq(adminChanges.entity, entity as "person"), eq(adminChanges.entityId, entityId)))
    .orderBy(desc(adminChanges.id));
