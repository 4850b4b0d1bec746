import { describe, expect, it } from "vitest";
import { InvitationBody, PersonChangeBody } from "./people";

const invitation = { displayName: "Ngô Thị Hoa", role: "officer", unitId: "phuong-an-hoa", reason: "Bổ sung cán bộ" };

describe("InvitationBody", () => {
  it("needs a unit for the roles that have one, and none for an admin", () => {
    expect(InvitationBody.safeParse(invitation).success).toBe(true);
    expect(InvitationBody.safeParse({ ...invitation, role: "helper" }).success).toBe(true);
    expect(InvitationBody.safeParse({ ...invitation, unitId: null }).error?.issues[0]?.path).toEqual(["unitId"]);
    expect(InvitationBody.safeParse({ ...invitation, role: "admin" }).success).toBe(false);
    expect(InvitationBody.safeParse({ ...invitation, role: "admin", unitId: null }).success).toBe(true);
    expect(InvitationBody.safeParse({ ...invitation, role: "admin", unitId: null, grantUnitIds: ["xa-tan-phu"] }).success).toBe(
      false,
    );
  });

  it("invites only to a staff role, with a reason of at least three characters after trimming", () => {
    expect(InvitationBody.safeParse({ ...invitation, role: "resident" }).success).toBe(false);
    expect(InvitationBody.safeParse({ ...invitation, reason: "  ab  " }).success).toBe(false);
    expect(InvitationBody.parse({ ...invitation, reason: "  Bổ sung  " }).reason).toBe("Bổ sung");
  });
});

describe("PersonChangeBody", () => {
  it("carries at least one change and always a reason", () => {
    expect(PersonChangeBody.safeParse({ reason: "Không đổi gì" }).success).toBe(false);
    expect(PersonChangeBody.safeParse({ unitId: "phuong-binh-minh" }).success).toBe(false);
    expect(PersonChangeBody.safeParse({ unitId: "phuong-binh-minh", reason: "Điều động" }).success).toBe(true);
    expect(PersonChangeBody.safeParse({ grantUnitIds: [], reason: "Bỏ phân quyền" }).success).toBe(true);
  });
});
