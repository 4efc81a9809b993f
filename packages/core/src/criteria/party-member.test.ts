import { describe, expect, it } from "vitest";
import { parametersOn } from "../params/parameters.js";
import { PARTY_MEMBER } from "./party-member.js";

describe("PARTY_MEMBER (二(三)4 中共党员)", () => {
  it("passes a member and fails a non-member", () => {
    const params = parametersOn("2014-07-20");
    expect(PARTY_MEMBER.meets(true, "2014-07-20", params)).toBe(true);
    expect(PARTY_MEMBER.meets(false, "2014-07-20", params)).toBe(false);
  });
});
