// The widget page's script. It imports nothing but the types the processor generates from the
// Java records (META-INF/support-events/dev.supportevents.example.d.ts), so every message it
// reads from GET /events and posts to POST /events is checked against the same catalog as the
// Java hub. The import is type-only: the compiled script has no import at all.
import type {
  Conversation,
  Message,
  Sender,
  SupportEvent,
  SupportEventCallbacks,
} from "support-events";

const visitor: Sender = { role: "VISITOR", id: newId("v"), displayName: "Visitor" };
let conversation: Conversation | null = null;

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) {
    throw new Error(`The page has no #${id}`);
  }
  return found as T;
}

const connection = element<HTMLSpanElement>("connection");
const transcript = element<HTMLOListElement>("transcript");
const eventLog = element<HTMLOListElement>("events");
const status = element<HTMLParagraphElement>("status");
const text = element<HTMLInputElement>("text");
const stars = element<HTMLInputElement>("stars");

function newId(prefix: string): string {
  const [random] = crypto.getRandomValues(new Uint32Array(1));
  return `${prefix}-${random.toString(36)}`;
}

function now(): string {
  return new Date().toISOString();
}

function addLine(list: HTMLOListElement, className: string, content: string): void {
  const line = document.createElement("li");
  line.className = className;
  line.textContent = content;
  list.append(line);
  line.scrollIntoView({ block: "nearest" });
}

function showStatus(message: string, rejected: boolean): void {
  status.textContent = message;
  status.classList.toggle("rejected", rejected);
}

// What the widget shows for each event, as the Java callbacks would: one optional method each.
const show: SupportEventCallbacks = {
  onConversationStart: (event) =>
    addLine(transcript, "notice", `Conversation ${event.conversationId} started`),
  onConversationEnd: (event) =>
    addLine(transcript, "notice", `Conversation ${event.conversationId} ended`),
  onMessageSent: (event) => addLine(transcript, "visitor", event.message.text),
  onMessageReceived: (event) =>
    addLine(transcript, "agent", `${event.message.sender.displayName}: ${event.message.text}`),
  onRatingSubmitted: (event) => addLine(transcript, "notice", `Rated ${event.stars} of 5`),
  onError: (event) =>
    addLine(transcript, "notice", `Error: ${event.error.message ?? event.error.type}`),
};

/** Calls the callback of the message's event; the switch covers every event of the catalog. */
function dispatch(message: SupportEvent): void {
  switch (message.event) {
    case "conversationStart":
      return show.onConversationStart?.(message.properties);
    case "conversationEnd":
      return show.onConversationEnd?.(message.properties);
    case "messageSent":
      return show.onMessageSent?.(message.properties);
    case "messageReceived":
      return show.onMessageReceived?.(message.properties);
    case "ratingSubmitted":
      return show.onRatingSubmitted?.(message.properties);
    case "error":
      return show.onError?.(message.properties);
    case "widget.opened":
      return show.onWidgetOpened?.(message.properties);
    case "widgetClosed":
      return show.onWidgetClosed?.(message.properties);
    default: {
      const unknown: never = message;
      throw new Error(`Unknown event ${JSON.stringify(unknown)}`);
    }
  }
}

/** Posts one message; shows the server's answer, the error of a 400 included. */
async function post(message: SupportEvent): Promise<boolean> {
  let response: Response;
  try {
    response = await fetch("/events", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(message),
    });
  } catch {
    showStatus(`${message.event}: the server cannot be reached`, true);
    return false;
  }
  if (response.status === 202) {
    showStatus(`${message.event}: 202 Accepted`, false);
    return true;
  }
  let error = response.statusText;
  try {
    error = ((await response.json()) as { error: string }).error;
  } catch {
    // Not the server's JSON error: the status text says enough.
  }
  showStatus(`${response.status}: ${error}`, true);
  return false;
}

async function sendMessage(words: string): Promise<void> {
  if (conversation === null) {
    const started: Conversation = {
      id: newId("c"),
      visitorId: visitor.id,
      status: "OPEN",
      rating: null,
      createdAt: now(),
      updatedAt: null,
      resolvedAt: null,
    };
    const accepted = await post({
      event: "conversationStart",
      properties: { conversationId: started.id, conversation: started },
    });
    if (!accepted) {
      return;
    }
    conversation = started;
  }
  const message: Message = {
    id: newId("m"),
    conversationId: conversation.id,
    sender: visitor,
    text: words,
    attachments: [],
    createdAt: now(),
  };
  const sent = await post({
    event: "messageSent",
    properties: { conversationId: conversation.id, message },
  });
  if (sent) {
    text.value = "";
  }
}

async function rate(given: number): Promise<void> {
  if (conversation === null) {
    showStatus("Send a message first: there is no conversation to rate", true);
    return;
  }
  await post({
    event: "ratingSubmitted",
    properties: { conversationId: conversation.id, stars: given, comment: null },
  });
}

element<HTMLFormElement>("compose").addEventListener("submit", (submitted) => {
  submitted.preventDefault();
  void sendMessage(text.value);
});
element<HTMLFormElement>("rating").addEventListener("submit", (submitted) => {
  submitted.preventDefault();
  void rate(stars.valueAsNumber);
});

let opened = false;
const stream = new EventSource("/events");
stream.addEventListener("open", () => {
  connection.textContent = "connected";
  connection.dataset.state = "open";
  if (!opened) {
    opened = true;
    void post({
      event: "widget.opened",
      properties: { visitorId: visitor.id, page: location.pathname },
    });
  }
});
stream.addEventListener("error", () => {
  // EventSource reconnects by itself; the page says so meanwhile.
  connection.textContent = "reconnecting";
  connection.dataset.state = "reconnecting";
});
stream.addEventListener("message", (received: MessageEvent<string>) => {
  addLine(eventLog, "event", received.data);
  dispatch(JSON.parse(received.data) as SupportEvent);
});

window.addEventListener("pagehide", () => {
  stream.close();
  const closed: SupportEvent = {
    event: "widgetClosed",
    properties: { visitorId: visitor.id, conversationId: conversation?.id ?? null },
  };
  const body = new Blob([JSON.stringify(closed)], { type: "application/json" });
  navigator.sendBeacon("/events", body);
});
