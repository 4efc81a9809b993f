import { describe, expect, it } from "vitest";
import { isReserveCadre } from "./reserve-cadre.js";

describe("isReserveCadre (二(三)4 后备干部)", () => {
  it("is the flag alone; a missing flag counts as not", () => {
    expect(isReserveCadre({ reserveCadre: true })).toBe(true);
    expect(isReserveCadre({ reserveCadre: false })).toBe(false);
    expect(isReserveCadre({})).toBe(false);
  });
});
