// Every kind of component, as the catalog com.acme.kinds declares it. A line that ends with
// "// expect TS<code>: <text>" must fail with that error; every other line must type-check.
import type {
  EverythingEvent,
  State,
  SupportEvent,
  TaggedEvent,
  Tree,
  ValuesEvent,
} from "./com.acme.kinds";

// As Jackson writes it: numbers, base64 text, arrays, maps, ISO-8601 text, enum constants.
export const everything: EverythingEvent = {
  count: 3,
  totals: [1, 2],
  grid: ["AQI=", "Aw=="],
  nested: [{ a: 1 }, {}],
  nullableItems: ["x", null],
  upper: [1, 2.5],
  lower: { anything: true },
  any: [1, "two", null],
  at: "2025-03-04T10:15:30Z",
  payload: { id: "p-1" },
  part: { index: 0 },
  state: "TIMED_WAITING",
  scores: [5, null],
};

export const values: ValuesEvent = {
  flag: true,
  initial: "a",
  boxedInitial: "b",
  ratio: 0.5,
  boxedCount: 7,
  amount: 12.5,
  big: 12345678901234,
  id: "3f1c2b8e-0000-4000-8000-000000000000",
  link: "https://acme.com",
  day: "2025-03-04",
  took: "PT1.5S",
  maybe: null,
  states: ["NEW", "TERMINATED"],
  byName: { first: { id: "p-1" } },
  failure: { type: "java.lang.IllegalStateException", message: "closed" },
  tree: { label: "root", children: [{ label: "leaf", children: [] }] },
  letters: "abc",
  text: "text",
};

export const messages: SupportEvent[] = [
  { event: "everything", properties: everything },
  { event: "tagged:v1", properties: { name: "n", tags: ["a", "b"] } },
  { event: "values", properties: values },
];

export const anyState: State = "RUNNABLE";
export const tagged: TaggedEvent = { name: "n", tags: [] };
export const deep: Tree = { label: "a", children: [{ label: "b", children: [{ label: "c", children: [] }] }] };

// What must not type-check.
export const unknownState: State = "SLEEPING"; // expect TS2322: Type '"SLEEPING"' is not assignable to type 'State'
export const nullInList: TaggedEvent = { name: "n", tags: ["a", null] }; // expect TS2322: Type 'null' is not assignable to type 'string'
export const textForNumber: ValuesEvent = { ...values, ratio: "0.5" }; // expect TS2322: Type 'string' is not assignable to type 'number'
export const objectForMap: ValuesEvent = { ...values, byName: { first: "p-1" } }; // expect TS2322: Type 'string' is not assignable to type 'Payload'
export const noChildren: Tree = { label: "a", children: [{ label: "b" }] }; // expect TS2741: Property 'children' is missing
export const nullRequired: EverythingEvent = { ...everything, payload: null }; // expect TS2322: Type 'null' is not assignable to type 'Payload'
export const wrongWireName: SupportEvent = { event: "tagged", properties: tagged }; // expect TS2322: Type '"tagged"' is not assignable
