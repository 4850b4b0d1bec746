import { z, type ZodObject, type ZodType } from "zod";
import { ErrorEnvelope } from "../../shared/src/api/errors";
import {
  FieldList,
  Health,
  ProcedureCodeParam,
  ProcedureDetail,
  ProcedureList,
  ProcedureSearchQuery,
  QrQuery,
  UnitIdParam,
  UnitList,
  UnitWithCount,
} from "../../shared/src/catalogue/api";

/** OpenAPI 3.1 of the public API, generated from the same zod schemas that validate requests. */
const schema = (s: ZodType) => z.toJSONSchema(s, { target: "draft-2020-12", io: "input", unrepresentable: "any" });
const output = (s: ZodType) => z.toJSONSchema(s, { target: "draft-2020-12", io: "output", unrepresentable: "any" });

function parameters(where: "query" | "path", shape: ZodObject) {
  const json = schema(shape) as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === "path" || (json.required ?? []).includes(name),
    schema: s,
  }));
}

const ok = (description: string, s: ZodType) => ({ description, content: { "application/json": { schema: output(s) } } });
const error = (description: string) => ({ description, content: { "application/json": { schema: output(ErrorEnvelope) } } });

export const openApiDocument = {
  openapi: "3.1.0",
  info: { title: "Một Cửa Zalo API", version: "0.1.0", description: "Danh mục thủ tục hành chính và tra cứu của tỉnh." },
  paths: {
    "/api/health": { get: { summary: "Liveness and database check", responses: { 200: ok("Healthy", Health) } } },
    "/api/procedures": {
      get: {
        summary: "Search and filter published procedures",
        parameters: parameters("query", ProcedureSearchQuery),
        responses: { 200: ok("A page of procedures", ProcedureList), 400: error("Invalid query") },
      },
    },
    "/api/procedures/{code}": {
      get: {
        summary: "One published procedure",
        parameters: parameters("path", ProcedureCodeParam),
        responses: { 200: ok("The procedure", ProcedureDetail), 400: error("Invalid code"), 404: error("Unknown code") },
      },
    },
    "/api/fields": { get: { summary: "Fields (lĩnh vực) with counts", responses: { 200: ok("Fields", FieldList) } } },
    "/api/units": { get: { summary: "Units of the province as a flat tree", responses: { 200: ok("Units", UnitList) } } },
    "/api/units/{id}": {
      get: {
        summary: "One unit",
        parameters: parameters("path", UnitIdParam),
        responses: { 200: ok("The unit", UnitWithCount), 404: error("Unknown unit") },
      },
    },
    "/api/qr": {
      get: {
        summary: "SVG QR code of a deep link into the mini app",
        parameters: parameters("query", QrQuery),
        responses: {
          200: { description: "SVG image", content: { "image/svg+xml": { schema: { type: "string" } } } },
          400: error("Invalid path"),
        },
      },
    },
  },
};
