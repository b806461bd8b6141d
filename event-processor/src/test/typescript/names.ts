// Types whose simple names meet are named as docs/typescript.md says. A line that ends with
// "// expect TS<code>: <text>" must fail with that error; every other line must type-check.
import type {
  a_Item,
  b_Item,
  Block,
  Image,
  names_SupportEvent,
  Part,
  Part_Text,
  Shape_Record,
  Shape_string,
  SupportEvent,
} from "./com.acme.names";

export const from: a_Item = { sku: "s-1" };
export const to: b_Item = { position: 2, "café": "au lait" };
export const audit: names_SupportEvent = { auditId: "a-1" };
export const shape: Shape_Record = { sides: 4 };
export const outline: Shape_string = "ROUND";
export const text: Part_Text = { body: "Hello" };
export const image: Image = { uri: "https://acme.com/a.png" };
export const block: Block = { markdown: "*Hello*" };
export const part: Part = text;
// The dictionary type Record, which the declarations use, is still TypeScript's own.
export const byName: Record<string, number> = { a: 1 };

export const messages: SupportEvent[] = [
  { event: "itemsMoved", properties: { from, to, audit, shape, outline } },
  { event: "note:posted", properties: { part, block, texts: [text] } },
];

// What must not type-check.
export const otherText: Part_Text = { markdown: "*Hello*" }; // expect TS2353: 'markdown' does not exist in type 'Part_Text'
export const otherItem: a_Item = { position: 2 }; // expect TS2353: 'position' does not exist in type 'a_Item'
export const wrongOutline: Shape_string = "TRIANGLE"; // expect TS2322: Type '"TRIANGLE"' is not assignable
export const wrongName: SupportEvent = { event: "notePosted", properties: { part, block, texts: [] } }; // expect TS2820: Did you mean '"note:posted"'?
