// Sealed interfaces of records are unions of their records. A line that ends with
// "// expect TS<code>: <text>" must fail with that error; every other line must type-check.
import type {
  FilePart,
  MessagePostedEvent,
  Part,
  Reaction,
  SupportEvent,
  SupportEventCallbacks,
} from "./com.acme.parts";

const invoice: FilePart = {
  fileName: "invoice-7.pdf",
  mediaType: "application/pdf",
  sizeBytes: 48213,
  uri: "https://files.acme.com/invoice-7.pdf",
};

// Every kind of part, a quote that holds parts, and one that holds a quote.
export const posted: MessagePostedEvent = {
  messageId: "m-2",
  parts: [
    { text: "Here is the invoice." },
    invoice,
    { uri: "https://files.acme.com/parcel.jpg", width: 1024, height: 768, altText: null },
    { toolName: "lookupOrder", arguments: { orderId: "o-7" } },
    { quotedMessageId: "m-1", parts: [{ text: "Where?" }, { quotedMessageId: "m-0", parts: [] }] },
  ],
  drafts: { later: [{ toolName: "refund", arguments: {}, result: "done" }] },
};

export const reactions: Reaction[] = [{ code: "+1" }, { stars: 5 }, { text: "Quick, thanks" }];

export const messages: SupportEvent[] = [
  { event: "messagePosted", properties: posted },
  { event: "reactionAdded", properties: { messageId: "m-2", reaction: { stars: 4 } } },
  { event: "messageFlagged", properties: { messageId: "m-2", verdict: "SPAM", origin: {} } },
];

// A part is told apart by its properties.
export function describe(part: Part): string {
  if ("text" in part) {
    return part.text;
  }
  if ("quotedMessageId" in part) {
    return part.parts.map(describe).join(" ");
  }
  if ("toolName" in part) {
    return part.toolName;
  }
  return part.uri;
}

export const callbacks: SupportEventCallbacks = {
  onReactionAdded(event) {
    if ("stars" in event.reaction) {
      const stars: number = event.reaction.stars;
      reactions.push({ stars });
    }
  },
};

// What must not type-check.
export const noneOfTheParts: Part = { caption: "Hello" }; // expect TS2353: 'caption' does not exist
export const textAsString: Part = "Hello"; // expect TS2322: Type 'string' is not assignable to type 'Part'
export const sizeAsText: FilePart = { ...invoice, sizeBytes: "large" }; // expect TS2322: Type 'string' is not assignable to type 'number'
export const typeId: Reaction = { "@type": "Reaction$Emoji", code: "+1" }; // expect TS2353: '"@type"' does not exist
export const starsAsText: Reaction = { stars: "5" }; // expect TS2322: Type 'string' is not assignable to type 'number'
