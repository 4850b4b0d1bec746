import { AcceptInvitationBody, InvitationTokenParam } from "../../../shared/src/admin/people";
import { requireUser } from "../auth/middleware";
import { toMe } from "../db/repo/users";
import { factory } from "../lib/factory";
import { validate } from "../lib/validate";
import { acceptInvitation, previewInvitation } from "../people/invitations";

/** The invited person's side: what the link offers, and accepting it with the signed-in account. */
export const invitationRoutes = factory
  .createApp()
  .get("/:token", validate("param", InvitationTokenParam), async (c) =>
    c.json(await previewInvitation(c.var.db, c.env.PROVINCE_ID, c.req.valid("param").token), 200),
  )
  .post("/accept", requireUser(), validate("json", AcceptInvitationBody), async (c) => {
    const user = await acceptInvitation(c.var.db, c.var.user.provinceId, c.req.valid("json").token, c.var.user.id);
    return c.json(toMe(user), 200);
  });
