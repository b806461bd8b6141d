package dev.supportevents.example.benchmarks;

import dev.supportevents.example.Message;
import dev.supportevents.example.MessageSentEvent;
import dev.supportevents.example.SupportEventType;
import dev.supportevents.example.WidgetEvent;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The floor: hand-written code that calls the same listeners directly, with no hub in between.
 *
 * <ul>
 *   <li>{@code call1}: one listener held in a final field, given a new event; {@code call1Prebuilt}
 *       the same with an event built beforehand.
 *   <li>{@code loop8}: a loop over an array of eight distinct listeners, given a new event; {@code
 *       loop8Prebuilt} the same with an event built beforehand.
 *   <li>{@code call1All}: one typed listener and one listener of every event, as a hub with a
 *       {@code subscribeAll} listener has.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class DirectCallBenchmark {

  private String conversationId;
  private Message message;
  private MessageSentEvent event;
  private OneListener one;
  private ListenerLoop eight;
  private OneListenerAndAll oneAndAll;

  @Setup
  public void setUp(Blackhole blackhole) {
    conversationId = Workload.CONVERSATION_ID;
    message = Workload.MESSAGE;
    event = new MessageSentEvent(conversationId, message);
    one = new OneListener(Workload.listener(blackhole));
    eight = new ListenerLoop(Workload.distinctListeners(blackhole));
    oneAndAll =
        new OneListenerAndAll(Workload.listener(blackhole), Workload.everyEventListener(blackhole));
  }

  @Benchmark
  public void call1() {
    one.emitMessageSent(conversationId, message);
  }

  @Benchmark
  public void call1Prebuilt() {
    one.emit(event);
  }

  @Benchmark
  public void loop8() {
    eight.emitMessageSent(conversationId, message);
  }

  @Benchmark
  public void loop8Prebuilt() {
    eight.emit(event);
  }

  @Benchmark
  public void call1All() {
    oneAndAll.emitMessageSent(conversationId, message);
  }

  /** A hand-written emitter of one listener. */
  static final class OneListener {
    private final Consumer<MessageSentEvent> listener;

    OneListener(Consumer<MessageSentEvent> listener) {
      this.listener = listener;
    }

    void emitMessageSent(String conversationId, Message message) {
      listener.accept(new MessageSentEvent(conversationId, message));
    }

    void emit(MessageSentEvent event) {
      listener.accept(event);
    }
  }

  /** A hand-written emitter that loops over an array of listeners. */
  static final class ListenerLoop {
    private final Consumer<MessageSentEvent>[] listeners;

    @SuppressWarnings("unchecked") // holds only the listeners given, all of that type
    ListenerLoop(List<Consumer<MessageSentEvent>> listeners) {
      this.listeners = (Consumer<MessageSentEvent>[]) listeners.toArray(new Consumer<?>[0]);
    }

    void emitMessageSent(String conversationId, Message message) {
      emit(new MessageSentEvent(conversationId, message));
    }

    void emit(MessageSentEvent event) {
      for (Consumer<MessageSentEvent> listener : listeners) {
        listener.accept(event);
      }
    }
  }

  /** A hand-written emitter of one typed listener and one listener of every event. */
  static final class OneListenerAndAll {
    private final Consumer<MessageSentEvent> listener;
    private final BiConsumer<SupportEventType, WidgetEvent> everyEvent;

    OneListenerAndAll(
        Consumer<MessageSentEvent> listener, BiConsumer<SupportEventType, WidgetEvent> everyEvent) {
      this.listener = listener;
      this.everyEvent = everyEvent;
    }

    void emitMessageSent(String conversationId, Message message) {
      MessageSentEvent event = new MessageSentEvent(conversationId, message);
      listener.accept(event);
      everyEvent.accept(SupportEventType.MESSAGE_SENT, event);
    }
  }
}
