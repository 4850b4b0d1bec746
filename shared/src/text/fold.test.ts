import { describe, expect, it } from "vitest";
import { foldForIndex, foldSpellingVariant, foldVietnamese, searchTokens } from "./fold";

describe("foldVietnamese", () => {
  it("strips tone and vowel marks and folds đ to d", () => {
    expect(foldVietnamese("Đăng ký khai sinh")).toBe("dang ky khai sinh");
    expect(foldVietnamese("Cấp đổi giấy phép lái xe")).toBe("cap doi giay phep lai xe");
    expect(foldVietnamese("Sở Nông nghiệp và Môi trường")).toBe("so nong nghiep va moi truong");
  });

  it("folds ư, ơ, ă, â, ê, ô the same whether the input is precomposed or decomposed", () => {
    const precomposed = "ƯỚC ƠN ĂN ÂM ÊM ÔM";
    expect(foldVietnamese(precomposed)).toBe("uoc on an am em om");
    expect(foldVietnamese(precomposed.normalize("NFD"))).toBe("uoc on an am em om");
  });
});

describe("searchTokens", () => {
  it("splits on anything that is not a letter or digit", () => {
    expect(searchTokens("  Giấy xác nhận—tình trạng (hôn nhân)! ")).toEqual([
      "giay",
      "xac",
      "nhan",
      "tinh",
      "trang",
      "hon",
      "nhan",
    ]);
    expect(searchTokens("1.004222")).toEqual(["1", "004222"]);
  });

  it("yields nothing for punctuation, quotes and FTS5 operators", () => {
    expect(searchTokens(`"*" :: () ^ - + ' " NEAR/`)).toEqual(["near"]);
    expect(searchTokens("!!! ??? ...")).toEqual([]);
  });
});

describe("foldForIndex", () => {
  it("joins the tokens with single spaces", () => {
    expect(foldForIndex("Chứng thực bản sao,   từ bản chính")).toBe("chung thuc ban sao tu ban chinh");
  });
});

describe("foldSpellingVariant (i/y after consonants)", () => {
  it("writes both accepted spellings one way: kí/ký, lí/lý, mĩ/mỹ, sĩ/sỹ, kỉ/kỷ, hi/hy", () => {
    for (const [a, b] of [
      ["kí", "ký"],
      ["lí", "lý"],
      ["mĩ", "mỹ"],
      ["sĩ", "sỹ"],
      ["kỉ", "kỷ"],
      ["hi sinh", "hy sinh"],
      ["tỉ", "tỷ"],
    ])
      expect(searchTokens(a as string), `${a}/${b}`).toEqual(searchTokens(b as string));
    expect(foldForIndex("Đăng ký khai sinh")).toBe("dang ki khai sinh");
    expect(foldForIndex("đăng kí khai sinh")).toBe("dang ki khai sinh");
    expect(foldForIndex("Phiếu lý lịch tư pháp")).toBe("phieu li lich tu phap");
  });

  it("keeps y where it is not a variant: alone, after a vowel, after qu, or followed by letters", () => {
    for (const word of ["y", "uy", "quy", "ay", "ây", "uyên", "yêu", "khuyến", "nguyễn", "huyện", "thủy", "bhyt", "quý", "tuy"])
      expect(searchTokens(word), word).toEqual([foldVietnamese(word)]);
    expect(foldForIndex("Bảo hiểm y tế")).toBe("bao hiem y te");
    expect(foldForIndex("Quy định")).toBe("quy dinh");
  });

  it("is idempotent and leaves tokens with digits alone", () => {
    expect(foldSpellingVariant(foldSpellingVariant("ky"))).toBe("ki");
    expect(foldSpellingVariant("ky1")).toBe("ky1");
    expect(foldSpellingVariant("ct07")).toBe("ct07");
  });
});
