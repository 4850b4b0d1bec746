import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import {
  FileContentQuery,
  FileId,
  MAX_FILE_BYTES,
  MAX_STORED_BYTES,
  safeFileName,
  sniffFileType,
} from "../../../shared/src/files/files";
import { rateLimit, requireUser } from "../auth/middleware";
import { insertFile, listOwnFiles, uploadedBytes } from "../db/repo/files";
import { recordRead } from "../db/repo/staff";
import { readableFile } from "../dossiers/access";
import { toFileMeta } from "../dossiers/views";
import { sha256Hex } from "../lib/crypto";
import { ApiError, notFound } from "../lib/errors";
import { type AppEnv, factory } from "../lib/factory";
import { declaredName, fileResponseHeaders } from "../lib/file-headers";
import { validate } from "../lib/validate";

const tooLarge = () => new ApiError(413, "payload_too_large", `Tệp vượt quá ${MAX_FILE_BYTES / 1024 / 1024} MB.`);

/** A resident's uploads stop at MAX_STORED_BYTES in total; staff upload for many residents. */
async function assertStorageFor(c: Context<AppEnv>, bytes: number) {
  const { db, user } = c.var;
  if (user.role !== "resident" || (await uploadedBytes(db, user.id)) + bytes <= MAX_STORED_BYTES) return;
  throw new ApiError(
    413,
    "quota_exceeded",
    `Kho giấy tờ của bạn đã dùng hết ${MAX_STORED_BYTES / 1024 / 1024} MB, không thể tải thêm tệp. Hãy dùng lại tệp đã có trong kho.`,
  );
}

export const fileRoutes = factory
  .createApp()
  .use(requireUser())
  /**
   * Upload one document as the raw request body (name in X-File-Name, percent-encoded).
   * Oversized bodies are refused from Content-Length before anything is read; the type comes
   * from the content, never from the name or the declared type.
   */
  .post(
    "/",
    rateLimit("UPLOAD_LIMITER", (c) => `upload:${c.var.user.id}`),
    // Refused from the declared length before the body is read; checked again with the bytes read.
    factory.createMiddleware(async (c, next) => {
      await assertStorageFor(c, Number(c.req.header("Content-Length")) || 1);
      await next();
    }),
    bodyLimit({
      maxSize: MAX_FILE_BYTES,
      onError: () => {
        throw tooLarge();
      },
    }),
    async (c) => {
      const user = c.var.user;
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.length === 0) throw new ApiError(400, "bad_request", "Tệp rỗng.");
      if (bytes.length > MAX_FILE_BYTES) throw tooLarge();
      await assertStorageFor(c, bytes.length);
      const mime = sniffFileType(bytes.subarray(0, 16));
      if (!mime) throw new ApiError(415, "unsupported_media_type", "Chỉ nhận tệp PDF, JPEG, PNG hoặc HEIC.");
      const id = crypto.randomUUID();
      const sha256 = await sha256Hex(bytes);
      const r2Key = `files/${user.id}/${id}`;
      await c.env.FILES.put(r2Key, bytes, { httpMetadata: { contentType: mime }, sha256 });
      const file = await insertFile(c.var.db, {
        id,
        ownerId: user.id,
        r2Key,
        name: safeFileName(declaredName(c.req.header("X-File-Name")), mime),
        mime,
        size: bytes.length,
        sha256,
      });
      return c.json(toFileMeta(file), 201);
    },
  )
  .get("/", async (c) => c.json({ items: (await listOwnFiles(c.var.db, c.var.user.id)).map(toFileMeta) }, 200))
  // `?disposition=inline` serves the same bytes for a preview in the page instead of a download.
  .get("/:id/content", validate("param", z.object({ id: FileId })), validate("query", FileContentQuery), async (c) => {
    const { db, user } = c.var;
    const { file, dossierId } = await readableFile(db, user, c.req.valid("param").id);
    const object = await c.env.FILES.get(file.r2Key);
    if (!object) throw notFound("Không tìm thấy tệp.");
    const disposition = c.req.valid("query").disposition ?? "attachment";
    // Staff opening a resident's document is a read of the dossier, and audited as one.
    if (dossierId && user.role !== "resident")
      await recordRead(db, dossierId, user, `${disposition === "inline" ? "Xem trước" : "Tải"} tệp đính kèm ${file.id}`);
    return c.body(object.body, 200, fileResponseHeaders(file, disposition));
  });
