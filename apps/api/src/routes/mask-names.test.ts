import { describe, expect, it } from "vitest";
import { serverConfig } from "../config.js";
import {
  authed,
  compliantCounty,
  FIXTURE_AS_OF,
  postJson,
  testApp,
  UNMASK_KEY,
} from "../test-helpers.js";

/** The fixture with a helper named 张三丰 and a household head named 欧阳娜娜, left unhelped. */
function named() {
  const d = compliantCounty();
  const h1 = d.households[0]!;
  const helper = d.householdAssignments.find((a) => a.householdId === h1.id)!.personId;
  d.people.find((p) => p.id === helper)!.name = "张三丰";
  h1.headName = "欧阳娜娜";
  d.householdAssignments = d.householdAssignments.filter((a) => a.householdId !== h1.id);
  return d;
}

const url = `/v1/audit?asOf=${FIXTURE_AS_OF}`;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

describe("SHUANGBAO_MASK_NAMES", () => {
  it("is off by default, and reads true or false only", () => {
    const keys = { SHUANGBAO_API_KEYS: "k-0123456789abcdef" };
    expect(serverConfig(keys, []).app.maskNames).toBe(false);
    expect(serverConfig({ ...keys, SHUANGBAO_MASK_NAMES: "true" }, []).app.maskNames).toBe(true);
    expect(() => serverConfig({ ...keys, SHUANGBAO_MASK_NAMES: "yes" }, [])).toThrow(
      /SHUANGBAO_MASK_NAMES/,
    );
  });

  it("when set, masks names in the report, the table, the HTML page and the forms; the unmask key lifts it", async () => {
    const d = named();
    const plain = testApp();
    const json = await (await plain.app.request(url, postJson(d))).text();
    expect(json).toContain("欧阳娜娜");

    const { app } = testApp({ maskNames: true });
    const texts = [
      await (await app.request(url, postJson(d))).text(),
      await (await app.request(url, postJson(d, { Accept: "text/csv" }))).text(),
      await (await app.request(url, postJson(d, { Accept: "text/html" }))).text(),
      await (
        await app.request(`/v1/forms/cadre-register?asOf=${FIXTURE_AS_OF}`, {
          ...postJson(d, { Accept: "text/csv" }),
        })
      ).text(),
    ];
    for (const text of texts) {
      expect(text).not.toContain("欧阳娜娜");
      expect(text).not.toContain("张三丰");
    }
    expect(texts[0]).toContain("欧***");
    const xlsx = await app.request(url, postJson(d, { Accept: XLSX }));
    expect(xlsx.status).toBe(200);

    const init = postJson(d);
    const open = await app.request(`${url}&unmask=true`, {
      ...init,
      headers: { ...authed({ "Content-Type": "application/json" }, UNMASK_KEY) },
    });
    expect(await open.text()).toContain("欧阳娜娜");
  });
});
