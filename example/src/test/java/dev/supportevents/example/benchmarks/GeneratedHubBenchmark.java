package dev.supportevents.example.benchmarks;

import dev.supportevents.example.Message;
import dev.supportevents.example.MessageEvent;
import dev.supportevents.example.MessageSentEvent;
import dev.supportevents.example.SupportEvents;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The generated hub of the example, {@link SupportEvents}, with the listeners of {@link
 * DirectCallBenchmark}.
 *
 * <ul>
 *   <li>{@code emitTyped}: {@code emitMessageSent(conversationId, message)}, which builds the
 *       event;
 *   <li>{@code emitRecord}: {@code emit(Record)} of an event built beforehand;
 * </ul>
 *
 * <p>each with {@code listeners}: {@code 0}, {@code 1}, {@code 8} distinct listeners, {@code
 * 1+all}, one typed listener and one {@code subscribeAll} listener, or {@code group}, one listener
 * of the group {@link MessageEvent}, subscribed by its class.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class GeneratedHubBenchmark {

  @Param({"0", "1", "8", "1+all", "group"})
  public String listeners;

  private String conversationId;
  private Message message;
  private MessageSentEvent event;
  private SupportEvents hub;

  @Setup
  public void setUp(Blackhole blackhole) {
    conversationId = Workload.CONVERSATION_ID;
    message = Workload.MESSAGE;
    event = new MessageSentEvent(conversationId, message);
    hub = SupportEvents.create();
    switch (listeners) {
      case "0" -> {}
      case "1" -> hub.onMessageSent(Workload.listener(blackhole));
      case "8" -> Workload.distinctListeners(blackhole).forEach(hub::onMessageSent);
      case "1+all" -> {
        hub.onMessageSent(Workload.listener(blackhole));
        hub.subscribeAll(Workload.everyEventListener(blackhole));
      }
      case "group" -> hub.subscribe(MessageEvent.class, Workload.groupListener(blackhole));
      default -> throw new IllegalArgumentException("listeners: " + listeners);
    }
  }

  @Benchmark
  public void emitTyped() {
    hub.emitMessageSent(conversationId, message);
  }

  @Benchmark
  public void emitRecord() {
    hub.emit(event);
  }
}
