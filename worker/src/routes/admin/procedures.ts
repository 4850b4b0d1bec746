import {
  AdminProcedureCodeParam,
  AdminProcedureListQuery,
  AdminProcedureVersionParam,
  ArchiveBody,
  DiffQuery,
  NewProcedureBody,
  ProcedureDraftBody,
  PublishBody,
} from "../../../../shared/src/admin/procedures";
import {
  adminProcedure,
  archiveVersion,
  createProcedure,
  openDraft,
  publishVersion,
  saveDraft,
  versionDetail,
  versionDiff,
} from "../../catalogue/versions";
import { listLatestVersions, unitKind } from "../../db/repo/admin-procedures";
import { factory } from "../../lib/factory";
import { etag, ifMatchVersion } from "../../lib/if-match";
import { validate } from "../../lib/validate";

const MISSING_REVISION = "Thiếu tiêu đề If-Match với phiên bản thủ tục đang xem.";

/** The procedure catalogue in the back office, mounted under `/api/admin` (admins only). */
export const adminProcedureRoutes = factory
  .createApp()
  .get("/", validate("query", AdminProcedureListQuery), async (c) => {
    const query = c.req.valid("query");
    const { db, user } = c.var;
    const kind = query.unit ? await unitKind(db, user.provinceId, query.unit) : undefined;
    if (query.unit && !kind) return c.json({ items: [], nextCursor: null }, 200);
    return c.json(await listLatestVersions(db, user.provinceId, query, kind), 200);
  })
  .post("/", validate("json", NewProcedureBody), async (c) => {
    const detail = await createProcedure(c.var.db, c.var.user, c.req.valid("json"));
    c.header("ETag", etag(detail.revision));
    return c.json(detail, 201);
  })
  .get("/:code", validate("param", AdminProcedureCodeParam), async (c) =>
    c.json(await adminProcedure(c.var.db, c.var.user.provinceId, c.req.valid("param").code), 200),
  )
  .get("/:code/diff", validate("param", AdminProcedureCodeParam), validate("query", DiffQuery), async (c) => {
    const { from, to } = c.req.valid("query");
    return c.json(await versionDiff(c.var.db, c.var.user.provinceId, c.req.valid("param").code, from, to), 200);
  })
  .get("/:code/versions/:version", validate("param", AdminProcedureVersionParam), async (c) => {
    const { code, version } = c.req.valid("param");
    const detail = await versionDetail(c.var.db, c.var.user.provinceId, code, version);
    c.header("ETag", etag(detail.revision));
    return c.json(detail, 200);
  })
  .post("/:code/drafts", validate("param", AdminProcedureCodeParam), async (c) => {
    const { created, detail } = await openDraft(c.var.db, c.var.user, c.req.valid("param").code);
    c.header("ETag", etag(detail.revision));
    return created ? c.json(detail, 201) : c.json(detail, 200);
  })
  .put(
    "/:code/drafts/:version",
    validate("param", AdminProcedureVersionParam),
    validate("json", ProcedureDraftBody),
    async (c) => {
      const revision = ifMatchVersion(c.req.header("If-Match"), MISSING_REVISION);
      const detail = await saveDraft(c.var.db, c.var.user, c.req.valid("param"), revision, c.req.valid("json"));
      c.header("ETag", etag(detail.revision));
      return c.json(detail, 200);
    },
  )
  .post(
    "/:code/versions/:version/publish",
    validate("param", AdminProcedureVersionParam),
    validate("json", PublishBody),
    async (c) => {
      const revision = ifMatchVersion(c.req.header("If-Match"), MISSING_REVISION);
      const detail = await publishVersion(c.var.db, c.var.user, c.req.valid("param"), revision, c.req.valid("json"));
      c.header("ETag", etag(detail.revision));
      return c.json(detail, 200);
    },
  )
  .post(
    "/:code/versions/:version/archive",
    validate("param", AdminProcedureVersionParam),
    validate("json", ArchiveBody),
    async (c) => {
      const revision = ifMatchVersion(c.req.header("If-Match"), MISSING_REVISION);
      const detail = await archiveVersion(c.var.db, c.var.user, c.req.valid("param"), revision, c.req.valid("json").reason);
      c.header("ETag", etag(detail.revision));
      return c.json(detail, 200);
    },
  );
