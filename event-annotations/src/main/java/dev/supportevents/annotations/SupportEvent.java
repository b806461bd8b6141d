package dev.supportevents.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a record as an event of a customer-support widget.
 *
 * <p>Every package that holds {@code @SupportEvent} records gets, at compile time, one typed event
 * catalog in that same package:
 *
 * <pre>{@code
 * @SupportEvent
 * public record MessageSentEvent(String conversationId, Message message) {}
 *
 * @SupportEvent("support.rating")                   // optional wire name
 * public record RatingSubmittedEvent(String conversationId, int stars) {}
 * }</pre>
 *
 * <p>The annotation processor ({@code dev.supportevents:event-processor}) then writes:
 *
 * <ul>
 *   <li>{@code SupportEventType}, an enum with one constant per event ({@code MESSAGE_SENT}), its
 *       {@code wireName()} and {@code eventClass()};
 *   <li>{@code SupportEventCallbacks}, an interface with one {@code default} method per event
 *       ({@code onMessageSent(MessageSentEvent event)});
 *   <li>{@code SupportEventEmitter}, an interface with one method per event whose parameters are
 *       the record's components ({@code emitMessageSent(String conversationId, Message message)});
 *   <li>{@code SupportEventRecorder}, which records the events of a hub for tests;
 *   <li>{@code SupportEvents}, the hub of one widget instance:
 * </ul>
 *
 * <pre>{@code
 * SupportEvents events = SupportEvents.create();
 * Subscription subscription = events.onMessageSent(event -> track(event.message()));
 * events.subscribeAll((type, event) -> log(type.wireName(), event));
 * events.emitMessageSent(conversationId, message);
 * subscription.close();
 * }</pre>
 *
 * <p>Beside the classes it also writes {@code META-INF/support-events/<package>.schema.json}, the
 * package's tracking plan, a JSON Schema of every event's wire name and properties.
 *
 * <p>Names come from the record's simple name without a trailing {@code Event}: {@code
 * MessageSentEvent} gives {@code onMessageSent}, {@code emitMessageSent} and {@code MESSAGE_SENT};
 * its wire name is {@code "messageSent"} unless {@link #value()} gives one.
 *
 * <p>Rules, each checked at compile time: the annotated type is a record, not generic, and
 * reachable from its package (not private, not nested in a private type); wire names and Java names
 * are unique within a package.
 *
 * <p>A package can also include the events of another package's catalog, compiled elsewhere, in its
 * own: see {@link SupportEventCatalog}.
 */
// Not @Documented: a documented annotation is part of the API of the type it marks, so a module
// that reads this one as `requires static` would get javac's `exports` lint warning on every event.
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SupportEvent {

  /**
   * The event's wire name: how the event is named outside Java (in analytics, logs, and {@code
   * SupportEventType.fromWireName}). Letters, digits, {@code .}, {@code _}, {@code -} and {@code :}
   * only.
   *
   * @return the wire name, or an empty string to derive it from the record's name ({@code
   *     MessageSentEvent} becomes {@code "messageSent"})
   */
  String value() default "";

  /**
   * Whether the hub keeps the latest event of this type. If it does, a listener that subscribes
   * later receives that event at once, right after subscribing, and the hub's {@code latestX()}
   * method reads it:
   *
   * <pre>{@code
   * @SupportEvent(replayLatest = true)
   * public record ConversationStartEvent(String conversationId, Conversation conversation) {}
   *
   * events.onConversationStart(panel::show);    // a panel opened mid-conversation sees it at once
   * Optional<ConversationStartEvent> current = events.latestConversationStart();
   * }</pre>
   *
   * <p>Each subscriber gets the kept event once, either as a replay or in the delivery that
   * replaced it, never both. The replay runs on the subscription's executor if it has one, else on
   * the hub's, else on the subscribing thread; a replay that throws is reported to the failure
   * handler, never thrown to the subscriber. The hub holds the event until another one of the type
   * replaces it.
   *
   * @return {@code true} to keep and replay the latest event of this type
   */
  boolean replayLatest() default false;
}
