package dev.supportevents.example.docs;

import dev.supportevents.example.Message;
import dev.supportevents.example.SupportEvents;
import dev.supportevents.example.SupportWidget;
import java.util.concurrent.Executor;

/**
 * What a fragment of the docs may name without declaring it: the superclass of the class that
 * {@link DocumentationSnippetsTest} compiles each fragment in. Fragments are compiled, never run,
 * so nothing here has a value.
 */
public abstract class SnippetFixture {

  /** A widget of the example, as a web page would hold one. */
  protected SupportWidget widget;

  /** A hub of the example's events: {@code widget.events()}, or one of its own. */
  protected SupportEvents events;

  /** The id of a conversation in progress. */
  protected String conversationId;

  /** A message of that conversation. */
  protected Message message;

  /** An executor of the application's, for example its user interface's thread. */
  protected Executor executor;

  /** The Kafka brokers to connect to, {@code host:port,...}. */
  protected String brokers;

  /** Shows a value, as an application would: on a screen, in a log. */
  protected static void show(Object value) {}

  /** Fragments only extend it. */
  protected SnippetFixture() {}
}
