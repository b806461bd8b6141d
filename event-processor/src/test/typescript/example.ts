// The example catalog's declarations, used as a web page would. A line that ends with
// "// expect TS<code>: <text>" must fail with that error; every other line must type-check.
import type {
  ErrorEvent,
  MessageSentEvent,
  SupportEvent,
  SupportEventCallbacks,
  SupportEventType,
} from "./dev.supportevents.example";

const message = { id: "m-1", conversationId: "c-1", text: "Hi" };

// Every event as a message, nullable components given, null, or left out.
export const events: SupportEvent[] = [
  { event: "conversationStart", properties: { conversationId: "c-1" } },
  { event: "conversationStart", properties: { conversationId: "c-1", conversation: null } },
  {
    event: "conversationEnd",
    properties: { conversationId: "c-1", conversation: { id: "c-1", visitorId: "v-1" } },
  },
  { event: "messageSent", properties: { conversationId: "c-1", message } },
  { event: "messageReceived", properties: { conversationId: "c-1", message } },
  { event: "error", properties: { error: { type: "java.io.IOException", message: null } } },
  {
    event: "error",
    properties: { error: { type: "java.io.IOException", message: "down" }, context: "send" },
  },
];

// The wire name tells the properties apart.
export function conversationOf(event: SupportEvent): string | null {
  switch (event.event) {
    case "messageSent":
    case "messageReceived":
      return event.properties.message.conversationId;
    case "error":
      return null;
    default:
      return event.properties.conversationId;
  }
}

// SupportEventType is every wire name, and no other: this switch needs no default.
export function label(type: SupportEventType): string {
  switch (type) {
    case "conversationStart":
      return "started";
    case "conversationEnd":
      return "ended";
    case "messageSent":
      return "sent";
    case "messageReceived":
      return "received";
    case "error":
      return "failed";
  }
}

// Callbacks are optional, one per event, and get the event's record.
export const shown: string[] = [];
export const callbacks: SupportEventCallbacks = {
  onMessageSent(event) {
    const text: string = event.message.text;
    shown.push(text);
  },
  onError(event: ErrorEvent) {
    const context: string | null | undefined = event.context;
    shown.push(context ?? event.error.type);
  },
};

export const sent: MessageSentEvent = { conversationId: "c-1", message };

// What must not type-check.
export const missing: SupportEvent = { event: "messageSent", properties: { conversationId: "c-1" } }; // expect TS2322: Property 'message' is missing
export const unknownEvent: SupportEvent = { event: "messageDeleted", properties: sent }; // expect TS2322: Type '"messageDeleted"' is not assignable
export const unknownType: SupportEventType = "messageDeleted"; // expect TS2322: Type '"messageDeleted"' is not assignable to type 'SupportEventType'
export const nullId: MessageSentEvent = { conversationId: null, message }; // expect TS2322: Type 'null' is not assignable to type 'string'
export const undefinedMessage: MessageSentEvent = { conversationId: "c-1", message: undefined }; // expect TS2322: Type 'undefined' is not assignable to type 'Message'
export const wrongType: MessageSentEvent = { conversationId: 1, message }; // expect TS2322: Type 'number' is not assignable to type 'string'
export const extra: MessageSentEvent = { conversationId: "c-1", message: { ...message, agent: false } }; // expect TS2353: 'agent' does not exist in type 'Message'
export const otherProperties: SupportEvent = { event: "error", properties: sent }; // expect TS2322: Property 'error' is missing
export const noType: ErrorEvent = { error: { message: "down" } }; // expect TS2741: Property 'type' is missing
export const unknownCallback: SupportEventCallbacks = { onMessageDeleted() {} }; // expect TS2353: 'onMessageDeleted' does not exist in type 'SupportEventCallbacks'
export const wrongCallback: SupportEventCallbacks = { onMessageSent(event: ErrorEvent) {} }; // expect TS2322: Type '(event: ErrorEvent) => void' is not assignable
