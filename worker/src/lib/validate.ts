import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ZodType } from "zod";
import { ApiError } from "./errors";

/** zod validation of one request part; failures become a 400 envelope listing each problem. */
export function validate<Target extends keyof ValidationTargets, Schema extends ZodType>(target: Target, schema: Schema) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      const details = result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
      throw new ApiError(400, "validation_failed", "Dữ liệu gửi lên không hợp lệ.", details);
    }
  });
}

/** JSON bodies of dossier writes are small; anything bigger is refused before it is read. */
export const jsonBodyLimit = bodyLimit({
  maxSize: 256 * 1024,
  onError: () => {
    throw new ApiError(413, "payload_too_large", "Dữ liệu gửi lên quá lớn.");
  },
});
