import type { ClientResponse, InferResponseType } from "hono/client";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { SubmitResponse } from "../../shared/src/dossier/api";
import { completeBody, newKey, resident } from "./dossier-fixtures";
import { bearer, client, signIn } from "./helpers";
import { intakeBody, quietSecurityLog } from "./staff-fixtures";

type Api = ReturnType<typeof client>;

/**
 * Sends the same write twice with one key and expects the second to be the replay: the first
 * answer's status, content type and body, and only the replay says it is one. Returns both bodies.
 */
async function sendTwice<T>(send: () => Promise<ClientResponse<T>>) {
  const first = await send();
  const again = await send();
  expect(first.status).toBe(201);
  expect(again.status).toBe(first.status);
  expect(again.headers.get("Content-Type")).toBe(first.headers.get("Content-Type"));
  expect([first.headers.get("Idempotent-Replayed"), again.headers.get("Idempotent-Replayed")]).toEqual([null, "true"]);
  const [firstBody, againBody] = await Promise.all([first.json(), again.json()]);
  expect(againBody).toEqual(firstBody);
  return { firstBody, againBody };
}

describe("an idempotent replay", () => {
  it("answers online filing's retry with the first answer", async () => {
    const an = await resident(`lap-lai-${crypto.randomUUID()}`);
    const body = await completeBody(an);
    const key = newKey();
    const api = client({ ...bearer(an), "Idempotency-Key": key });
    const { againBody } = await sendTwice(() => api.dossiers.$post({ json: body }));
    expect(againBody).toMatchObject({ status: 1, channel: "online", receivingUnit: { id: body.receivingUnitId } });
  });

  it("answers counter intake's retry with the first answer", async () => {
    quietSecurityLog();
    const officer = await signIn("can-bo-phuong");
    const api = client({ ...bearer(officer), "Idempotency-Key": newKey() });
    const body = await intakeBody({ applicant: { fullName: "Phạm Thị Gửi Lại" } });
    const { againBody } = await sendTwice(() => api.staff.dossiers.$post({ json: body }));
    expect(againBody).toMatchObject({ status: 2, channel: "counter", receivingUnit: { id: body.receivingUnitId } });
  });

  it("is typed as the first answer: the routes' only success is the 201 with the receipt", () => {
    expectTypeOf<InferResponseType<Api["dossiers"]["$post"]>>().toEqualTypeOf<SubmitResponse>();
    expectTypeOf<InferResponseType<Api["staff"]["dossiers"]["$post"]>>().toEqualTypeOf<SubmitResponse>();
  });
});
