import { DisableBody, EnableBody, PeopleQuery, PersonChangeBody, PersonIdParam } from "../../../../shared/src/admin/people";
import { listPeople, personById } from "../../db/repo/people";
import { invalidField, notFound } from "../../lib/errors";
import { factory } from "../../lib/factory";
import { validate } from "../../lib/validate";
import { changePerson, disablePerson, enablePerson } from "../../people/people";

export const badCursor = () => invalidField("cursor", "Con trỏ trang không hợp lệ");

/** The province's people: staff roles, units and grants, disabling and enabling accounts. */
export const adminPeopleRoutes = factory
  .createApp()
  .get("/", validate("query", PeopleQuery), async (c) => {
    const { disabled, ...query } = c.req.valid("query");
    const list = await listPeople(c.var.db, c.var.user.provinceId, {
      ...query,
      disabled: disabled === undefined ? undefined : disabled === "true",
    });
    if (!list) throw badCursor();
    return c.json(list, 200);
  })
  .get("/:id", validate("param", PersonIdParam), async (c) => {
    const person = await personById(c.var.db, c.var.user.provinceId, c.req.valid("param").id);
    if (!person) throw notFound("Không tìm thấy người này.");
    return c.json(person, 200);
  })
  .patch("/:id", validate("param", PersonIdParam), validate("json", PersonChangeBody), async (c) => {
    return c.json(await changePerson(c.var.db, c.var.user, c.req.valid("param").id, c.req.valid("json")), 200);
  })
  .post("/:id/disable", validate("param", PersonIdParam), validate("json", DisableBody), async (c) => {
    return c.json(await disablePerson(c.var.db, c.var.user, c.req.valid("param").id, c.req.valid("json").reason), 200);
  })
  .post("/:id/enable", validate("param", PersonIdParam), validate("json", EnableBody), async (c) => {
    return c.json(await enablePerson(c.var.db, c.var.user, c.req.valid("param").id, c.req.valid("json").reason), 200);
  });
