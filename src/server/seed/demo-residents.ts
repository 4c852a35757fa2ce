// Residents of a demo quarter (ZAS 6.2.2.2): some households, with who needs care.
import { CARE_NOTES } from './names.ts';
import { PersonFactory, type Person } from './demo-people.ts';
import type { QuarterSpec } from './demo-quarters.ts';
import { DEMO_REFERENCE_DATE, type DemoOwner, type DemoResident, type DemoUnit, type DemoUnitOwner, type ResidentKind } from './demo-types.ts';
import { Random } from './random.ts';

export function generateResidents(
  rng: Random,
  people: PersonFactory,
  spec: QuarterSpec,
  units: DemoUnit[],
  unitOwners: DemoUnitOwner[],
  owners: DemoOwner[],
  ownerPeople: Map<string, Person>,
): DemoResident[] {
  const quarterId = `q-${spec.index + 1}`;
  const residents: DemoResident[] = [];
  const ownersOfUnit = new Map<string, DemoOwner[]>();
  const ownerById = new Map(owners.map((o) => [o.id, o]));
  for (const uo of unitOwners) {
    const list = ownersOfUnit.get(uo.unitId) ?? [];
    list.push(ownerById.get(uo.ownerId)!);
    ownersOfUnit.set(uo.unitId, list);
  }
  const referenceYear = Number(DEMO_REFERENCE_DATE.slice(0, 4));
  const add = (unit: DemoUnit, person: Person, kind: ResidentKind, ownerId: string | null, careNotes: string[]) => {
    if (rng.chance(0.015)) careNotes.push(rng.pick(CARE_NOTES.disabled));
    residents.push({
      id: `r-${spec.index + 1}-${residents.length + 1}`,
      quarterId,
      unitId: unit.id,
      ownerId,
      name: person.name,
      kind,
      needsCare: careNotes.length > 0,
      careNote: careNotes.length > 0 ? careNotes.join('；') : null,
      phone: person.phone,
      idNumber: person.idNumber,
    });
  };
  const lowIncomeRate = spec.type === 'old' ? 0.06 : spec.type === 'resettlement' ? 0.04 : 0.01;
  const aloneRate = spec.type === 'old' ? 0.45 : 0.2;
  const housedOwners = new Set<string>();

  for (const unit of units) {
    if (unit.use !== 'residential' || !unit.delivered || !unit.sold) continue;
    if (!rng.chance(spec.residentRate)) continue;
    const unitOwnerList = ownersOfUnit.get(unit.id) ?? [];
    const head = unitOwnerList[0];
    const headNotes: string[] = rng.chance(lowIncomeRate) ? [CARE_NOTES.lowIncome] : [];

    // An owner of several units lives in one of them; the others are let.
    if (head && !housedOwners.has(head.id) && rng.chance(spec.type === 'old' ? 0.85 : 0.72)) {
      housedOwners.add(head.id);
      if (unitOwnerList[1]) housedOwners.add(unitOwnerList[1].id);
      // Owner-occupied: the owner, spouse, children, sometimes a parent from elsewhere.
      const headPerson = ownerPeople.get(head.id)!;
      const headYear = Number(headPerson.birthDate.slice(0, 4));
      if (referenceYear - headYear >= 70 && rng.chance(aloneRate)) {
        add(unit, headPerson, 'permanent', head.id, [CARE_NOTES.livingAlone, ...headNotes]);
        continue;
      }
      add(unit, headPerson, 'permanent', head.id, headNotes);
      let spouse: Person | null = null;
      const coOwner = unitOwnerList[1];
      if (coOwner) {
        spouse = ownerPeople.get(coOwner.id)!;
        add(unit, spouse, 'permanent', coOwner.id, []);
      } else if (rng.chance(0.75)) {
        spouse = people.spouseOf(headPerson, 1936, 2002);
        add(unit, spouse, 'permanent', null, []);
      }
      // Children usually carry their father's surname.
      const father = headPerson.sex === 'male' ? headPerson : spouse?.sex === 'male' ? spouse : null;
      const children = headYear >= 1955 ? rng.pick([0, 1, 1, 1, 2]) : 0;
      for (let c = 0; c < children; c++) {
        const year = Math.min(2020, headYear + rng.int(24, 36));
        const child = people.person(rng.chance(0.5) ? 'male' : 'female', year, 'zhejiang', father?.surname ?? headPerson.surname);
        add(unit, child, 'permanent', null, []);
      }
      if (headYear >= 1975 && rng.chance(0.1)) {
        // A parent who came to look after the grandchildren: lives here without local hukou.
        const parent = people.person(rng.chance(0.4) ? 'male' : 'female', headYear - rng.int(24, 32), 'other');
        add(unit, parent, 'floating', null, []);
      }
    } else {
      // Let: the tenant who signed the lease, and whoever lives with them.
      const tenantOrigin = rng.chance(0.6) ? 'other' : 'zhejiang';
      const tenant = people.person(rng.chance(0.55) ? 'male' : 'female', rng.int(1970, 2002), tenantOrigin);
      add(unit, tenant, 'tenant', null, headNotes);
      const others = rng.pick([0, 0, 1, 1, 2]);
      for (let k = 0; k < others; k++) {
        const origin = rng.chance(0.6) ? 'other' : 'zhejiang';
        const person = people.person(rng.chance(0.5) ? 'male' : 'female', rng.int(1970, 2004), origin);
        add(unit, person, origin === 'other' ? 'floating' : 'tenant', null, []);
      }
    }
  }
  return residents;
}
