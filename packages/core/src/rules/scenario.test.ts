import { describe, expect, it } from "vitest";
import { audit } from "../audit.js";
import { SPEC_TABLE } from "../spec/spec-table.js";
import { compliantCounty, FIXTURE_AS_OF } from "../testing/fixture.js";
import { CATALOGUE } from "./catalogue.js";

describe("the compliant county", () => {
  it("audits with zero findings under the whole catalogue, four contract years in", () => {
    expect(audit(compliantCounty(), { asOf: FIXTURE_AS_OF }).findings).toEqual([]);
  });

  it("is checked by every rule of rules.md", () => {
    expect(CATALOGUE.map((r) => r.id)).toEqual(SPEC_TABLE.map((r) => r.id));
  });
});
