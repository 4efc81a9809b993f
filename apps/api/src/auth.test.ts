import { describe, expect, it } from "vitest";
import { bearerKey, KeyRing } from "./auth.js";

describe("KeyRing", () => {
  it("finds a key among several and nothing else", () => {
    const ring = new KeyRing(["alpha-key", "beta-key"]);
    expect(ring.has("beta-key")).toBe(true);
    expect(ring.has("alpha-key")).toBe(true);
    expect(ring.has("alpha-ke")).toBe(false);
    expect(ring.has("")).toBe(false);
  });

  it("ignores empty keys", () => {
    expect(new KeyRing(["", "k"]).size).toBe(1);
    expect(new KeyRing([""]).has("")).toBe(false);
  });
});

describe("bearerKey", () => {
  it("reads the key of a Bearer header", () => {
    expect(bearerKey("Bearer abc")).toBe("abc");
    expect(bearerKey("bearer  abc ")).toBe("abc");
  });

  it("reads nothing from other schemes or malformed headers", () => {
    for (const h of [undefined, "", "Basic abc", "Bearer", "Bearer a b", "Bearerabc"]) {
      expect(bearerKey(h)).toBeUndefined();
    }
  });
});
