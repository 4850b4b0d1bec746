import { InvitationBody, InvitationIdParam, InvitationsQuery, RevokeInvitationBody } from "../../../../shared/src/admin/people";
import { listInvitations } from "../../db/repo/invitations";
import { factory } from "../../lib/factory";
import { validate } from "../../lib/validate";
import { createInvitation, revokeInvitation } from "../../people/invitations";
import { badCursor } from "./people";

/** Invitations to a staff role: the only way anyone becomes staff. */
export const adminInvitationRoutes = factory
  .createApp()
  .post("/", validate("json", InvitationBody), async (c) =>
    c.json(await createInvitation(c.var.db, c.env.QR_LINK_BASE, c.var.user, c.req.valid("json")), 201),
  )
  .get("/", validate("query", InvitationsQuery), async (c) => {
    const list = await listInvitations(c.var.db, c.var.user.provinceId, c.req.valid("query"), new Date().toISOString());
    if (!list) throw badCursor();
    return c.json(list, 200);
  })
  .post("/:id/revoke", validate("param", InvitationIdParam), validate("json", RevokeInvitationBody), async (c) => {
    await revokeInvitation(c.var.db, c.var.user, c.req.valid("param").id, c.req.valid("json").reason);
    return c.body(null, 204);
  });
