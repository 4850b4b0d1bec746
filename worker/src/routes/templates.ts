import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { TemplateFileId } from "../../../shared/src/catalogue/schemas";
import { MAX_TEMPLATE_BYTES, safeTemplateName, sniffTemplateType } from "../../../shared/src/files/templates";
import { rateLimit } from "../auth/middleware";
import { insertTemplate, type TemplateRow, templateById } from "../db/repo/admin-procedures";
import { sha256Hex } from "../lib/crypto";
import { ApiError, notFound } from "../lib/errors";
import { factory } from "../lib/factory";
import { contentDisposition, declaredName } from "../lib/file-headers";
import { validate } from "../lib/validate";

const tooLarge = () => new ApiError(413, "payload_too_large", `Mẫu đơn tối đa ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB.`);
const r2Key = (id: string) => `templates/${id}`;

const toMeta = (t: TemplateRow) => ({
  id: t.id,
  name: t.name,
  mime: t.mime,
  size: t.size,
  sha256: t.sha256,
  createdAt: t.createdAt,
  url: `/api/templates/${t.id}`,
});

/**
 * `POST /api/admin/templates` (mounted under the admin routes): a blank form as the raw body, name in
 * X-File-Name (percent-encoded). The type comes from the bytes: PDF, DOC, DOCX or ODT only.
 */
export const adminTemplateRoutes = factory.createApp().post(
  "/",
  rateLimit("UPLOAD_LIMITER", (c) => `upload:${c.var.user.id}`),
  bodyLimit({
    maxSize: MAX_TEMPLATE_BYTES,
    onError: () => {
      throw tooLarge();
    },
  }),
  async (c) => {
    const { db, user } = c.var;
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length === 0) throw new ApiError(400, "bad_request", "Tệp rỗng.");
    if (bytes.length > MAX_TEMPLATE_BYTES) throw tooLarge();
    const mime = sniffTemplateType(bytes);
    if (!mime) throw new ApiError(415, "unsupported_media_type", "Mẫu đơn chỉ nhận tệp PDF, DOC, DOCX hoặc ODT.");
    const id = crypto.randomUUID();
    const sha256 = await sha256Hex(bytes);
    await c.env.FILES.put(r2Key(id), bytes, { httpMetadata: { contentType: mime }, sha256 });
    const [row] = await insertTemplate(db, {
      id,
      provinceId: user.provinceId,
      name: safeTemplateName(declaredName(c.req.header("X-File-Name")), mime),
      mime,
      size: bytes.length,
      sha256,
      createdBy: user.id,
    });
    return c.json(toMeta(row!), 201);
  },
);

/** `GET /api/templates/:id`: anyone downloads a blank form; its bytes never change under one id. */
export const templateRoutes = factory.createApp().get("/:id", validate("param", z.object({ id: TemplateFileId })), async (c) => {
  const template = await templateById(c.var.db, c.env.PROVINCE_ID, c.req.valid("param").id);
  const object = template && (await c.env.FILES.get(r2Key(template.id)));
  if (!template || !object) throw notFound("Không tìm thấy mẫu đơn.");
  return c.body(object.body, 200, {
    "Content-Type": template.mime,
    "Content-Length": String(template.size),
    "Content-Disposition": contentDisposition(template.name),
    "Cache-Control": "public, max-age=86400, immutable",
  });
});
