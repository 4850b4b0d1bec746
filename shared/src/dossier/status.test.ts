import { describe, expect, it } from "vitest";
import { DOSSIER_STATUSES, type DossierStatus, inStatusGroup, STATUS_GROUPS, type StatusGroup } from "./status";

const members = (group: StatusGroup) => DOSSIER_STATUSES.filter((s) => inStatusGroup(group, s));

describe("status groups", () => {
  it("name the codes DOMAIN §3 and §8 give them", () => {
    expect(members("awaitingAcceptance")).toEqual([1]);
    expect(members("open")).toEqual([1, 2, 4, 5, 6, 9]);
    expect(members("closed")).toEqual([3, 7, 8, 10]);
    expect(members("clockRunning")).toEqual([2, 4, 6]);
    expect(members("inProgress")).toEqual([2, 4, 5, 6]);
    expect(members("awaitingApplicant")).toEqual([5, 6]);
    expect(members("resolved")).toEqual([9, 10]);
    expect(members("refused")).toEqual([3]);
    expect(members("withdrawn")).toEqual([7]);
    expect(members("stopped")).toEqual([8]);
  });

  it("split every status into open or closed, never both", () => {
    for (const s of DOSSIER_STATUSES) expect(inStatusGroup("open", s) !== inStatusGroup("closed", s), `status ${s}`).toBe(true);
  });

  it("run the clock only on accepted dossiers waiting for a decision, never while paused for a supplement", () => {
    for (const s of STATUS_GROUPS.clockRunning) expect(inStatusGroup("inProgress", s)).toBe(true);
    expect(inStatusGroup("clockRunning", 5)).toBe(false);
    for (const s of STATUS_GROUPS.inProgress) expect(inStatusGroup("open", s)).toBe(true);
  });

  it("close a dossier for good when it is refused, withdrawn or stopped, and once the result is handed over", () => {
    const ends: DossierStatus[] = [...STATUS_GROUPS.refused, ...STATUS_GROUPS.withdrawn, ...STATUS_GROUPS.stopped, 10];
    expect(ends.sort((a, b) => a - b)).toEqual([...STATUS_GROUPS.closed]);
  });

  it("count nothing outside the ten DVCQG codes", () => {
    expect(inStatusGroup("open", 0)).toBe(false);
    expect(inStatusGroup("closed", 11)).toBe(false);
  });
});
