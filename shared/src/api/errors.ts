import { z } from "zod";

/**
 * Every machine code of the API's error envelope, once: the HTTP statuses it comes with and the
 * Vietnamese message shown when the answer carries no more specific one (framework errors always
 * get this default, never the framework's English text).
 */
export const ERROR_CODES = {
  /** A body, parameter, query or header fails its schema; `details` lists each problem by path. */
  validation_failed: { statuses: [400], message: "Dữ liệu gửi lên không hợp lệ." },
  /** The request cannot be read (malformed JSON, an empty file), or Zalo or VNeID refused a single-use code. */
  bad_request: { statuses: [400], message: "Yêu cầu không hợp lệ." },
  /** No, an expired or a revoked session. */
  unauthorized: { statuses: [401], message: "Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại." },
  /** The caller's role or units do not allow this. */
  forbidden: { statuses: [403], message: "Bạn không có quyền thực hiện thao tác này." },
  /** Filing online needs a linked VNeID identity (the rule, unless the province relaxed the procedure). */
  identity_required: { statuses: [403], message: "Nộp hồ sơ trực tuyến cần xác thực danh tính qua VNeID." },
  /** Nothing there, or nothing the caller may see. */
  not_found: { statuses: [404], message: "Không tìm thấy." },
  /** The action does not fit the current state (an illegal step, a changed procedure, a request still in flight). */
  conflict: { statuses: [409], message: "Yêu cầu xung đột với trạng thái hiện tại, vui lòng tải lại." },
  /** A per-resident cap: 409 for the number of drafts, 413 for the storage of uploaded files. */
  quota_exceeded: { statuses: [409, 413], message: "Bạn đã dùng hết hạn mức cho phép." },
  /** If-Match names a version that is no longer current. */
  precondition_failed: { statuses: [412], message: "Dữ liệu vừa được cập nhật, vui lòng tải lại." },
  /** The body is larger than the route accepts; refused before it is read. */
  payload_too_large: { statuses: [413], message: "Dữ liệu gửi lên quá lớn." },
  /** A JSON route was sent something else, or a file is not PDF, JPEG, PNG or HEIC. */
  unsupported_media_type: { statuses: [415], message: "Định dạng dữ liệu gửi lên không được hỗ trợ." },
  /** The Idempotency-Key was used with another body. */
  idempotency_key_reused: { statuses: [422], message: "Idempotency-Key này đã được dùng cho một yêu cầu khác." },
  /**
   * A dossier misses required information or documents, or a procedure version is not ready to
   * publish; `details` lists every problem (`{ path, message }` for a version).
   */
  incomplete: { statuses: [422], message: "Hồ sơ còn thiếu thông tin hoặc giấy tờ." },
  /** A staff action without If-Match. */
  precondition_required: { statuses: [428], message: "Thiếu phiên bản dữ liệu đang xem (If-Match)." },
  /** Too many attempts in a minute. */
  rate_limited: { statuses: [429], message: "Bạn thao tác quá nhanh, vui lòng thử lại sau ít phút." },
  /** Zalo or the province's SSO is unreachable, answered garbage (502) or is not configured (503). */
  upstream_failed: { statuses: [502, 503], message: "Dịch vụ liên kết đang gián đoạn, vui lòng thử lại sau." },
  /** Anything unexpected; logged without request data. */
  internal: { statuses: [500], message: "Hệ thống đang bận, vui lòng thử lại sau." },
} as const satisfies Record<string, { statuses: readonly number[]; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
export const ErrorCode = z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]);

export const ErrorEnvelope = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;
