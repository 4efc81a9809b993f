/**
 * The county a finding is about, for the summary's "by county" counts: a village's or household's
 * county, a county-level unit's county, a resident cadre's village's county; findings about a
 * city, a province-level unit or a whole file have none.
 */
import type { DatasetIndex, EntityRef } from "@shuangbao/core";

export function countyOfEntity(index: DatasetIndex, entity: EntityRef): string | undefined {
  const viaVillage = (villageId: string | undefined) => {
    const v = index.village(villageId);
    return v ? index.countyOfVillage(v)?.id : undefined;
  };
  switch (entity.collection) {
    case "counties":
      return index.county(entity.id)?.id;
    case "villages":
      return viaVillage(entity.id);
    case "households":
      return viaVillage(index.household(entity.id)?.villageId);
    case "units": {
      const u = index.unit(entity.id);
      return u?.level === "county" ? u.countyId : undefined;
    }
    case "people": {
      const p = index.person(entity.id);
      if (!p) return undefined;
      const cadre = index.residentCadresOfPerson(p.id)[0];
      if (cadre) return viaVillage(cadre.villageId);
      if (p.villageId) return viaVillage(p.villageId);
      if (p.townshipId) return index.township(p.townshipId)?.countyId;
      return p.unitId ? countyOfEntity(index, { collection: "units", id: p.unitId }) : undefined;
    }
    default:
      return undefined;
  }
}
