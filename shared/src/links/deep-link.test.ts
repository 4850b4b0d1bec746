import { describe, expect, it } from "vitest";
import { inAppPath } from "./deep-link";

describe("inAppPath", () => {
  it("opens procedures and units from zalo.me/s links, ignoring Zalo's extra query", () => {
    expect(inAppPath("https://zalo.me/s/1234567890123456789/p/1.004222?env=TESTING&utm_source=qr")).toBe("/p/1.004222");
    expect(inAppPath("https://zalo.me/s/1234567890123456789/u/phuong-an-hoa")).toBe("/u/phuong-an-hoa");
  });

  it("accepts h5.zdn.vn/zapps URLs, in-app paths and bare procedure codes", () => {
    expect(inAppPath("https://h5.zdn.vn/zapps/123/p/2.001218.000.00.00.H38")).toBe("/p/2.001218.000.00.00.H38");
    expect(inAppPath("/p/1.004194?x=1")).toBe("/p/1.004194");
    expect(inAppPath("/zapps/123/u/xa-tan-phu")).toBe("/u/xa-tan-phu");
    expect(inAppPath(" 1.001193 ")).toBe("/p/1.001193");
  });

  it("opens tracking links only with a well-formed token, keeping it", () => {
    const token = "AbCdEfGhIjKlMnOpQrStUv";
    expect(inAppPath(`https://zalo.me/s/123/t/000.00.01.H99-261122-0001?k=${token}&utm_source=qr`)).toBe(
      `/t/000.00.01.H99-261122-0001?k=${token}`,
    );
    expect(inAppPath(`/t/000.00.01.H99-261122-0001?k=${token}`)).toBe(`/t/000.00.01.H99-261122-0001?k=${token}`);
    expect(inAppPath("/t/000.00.01.H99-261122-0001")).toBeNull();
    expect(inAppPath("/t/000.00.01.H99-261122-0001?k=short")).toBeNull();
    expect(inAppPath(`/t/not-a-code?k=${token}`)).toBeNull();
  });

  it("opens a staff invitation only with a well-formed token", () => {
    const token = `${"A".repeat(42)}_`;
    expect(inAppPath(`https://zalo.me/s/123/moi/${token}?utm_source=qr`)).toBe(`/moi/${token}`);
    expect(inAppPath(`/moi/${token}`)).toBe(`/moi/${token}`);
    expect(inAppPath("/moi/short")).toBeNull();
    expect(inAppPath(`/moi/${token}/extra`)).toBeNull();
  });

  it("opens a resident's consent to an assisted filing only with a well-formed token", () => {
    const token = `${"B".repeat(42)}-`;
    expect(inAppPath(`https://zalo.me/s/123/uy-quyen/${token}?utm_source=qr`)).toBe(`/uy-quyen/${token}`);
    expect(inAppPath(`https://zalo.me/s/123/uy-quyen/${token}?vneid=failed&reason=cancelled`)).toBe(
      `/uy-quyen/${token}?vneid=failed&reason=cancelled`,
    );
    expect(inAppPath("/uy-quyen/short")).toBeNull();
    expect(inAppPath(`/uy-quyen/${token}/extra`)).toBeNull();
  });

  it("returns to the submission form from the VNeID link, keeping only its outcome", () => {
    expect(inAppPath("https://zalo.me/s/123/p/1.004222/nop?vneid=ok")).toBe("/p/1.004222/nop?vneid=ok");
    expect(inAppPath("/p/1.004222/nop?vneid=failed&reason=identity_taken&x=1")).toBe(
      "/p/1.004222/nop?vneid=failed&reason=identity_taken",
    );
    expect(inAppPath("/p/1.004222/nop?vneid=failed&reason=<script>")).toBe("/p/1.004222/nop?vneid=failed");
    expect(inAppPath("/p/1.004222/nop?next=https://evil.example")).toBe("/p/1.004222/nop");
    expect(inAppPath("/p/1.004222/other")).toBeNull();
  });

  it("refuses anything else", () => {
    for (const hostile of [
      "https://evil.example/s/1/p/1.004222",
      "http://zalo.me/s/1/p/1.004222",
      "https://zalo.me/s/1/admin",
      "https://zalo.me/s/1/p/1.004222/extra",
      "/p/..%2F..%2Fadmin",
      "/u/Phường",
      "/p/%E0%A4%A",
      "javascript:alert(1)",
      "xin chào",
      "",
    ]) {
      expect(inAppPath(hostile), hostile).toBeNull();
    }
  });
});
