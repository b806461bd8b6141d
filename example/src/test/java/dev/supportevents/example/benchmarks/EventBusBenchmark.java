package dev.supportevents.example.benchmarks;

import dev.supportevents.example.Message;
import dev.supportevents.example.MessageSentEvent;
import java.util.List;
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
 * The same work through general event buses, each in its default configuration: every operation
 * posts a {@link MessageSentEvent} to {@code listeners} distinct listeners.
 *
 * <ul>
 *   <li>{@code guava}: Guava's {@code com.google.common.eventbus.EventBus}, given a new event;
 *       {@code guavaPrebuilt} the same with an event built beforehand;
 *   <li>{@code greenrobot}: greenrobot's {@code org.greenrobot.eventbus.EventBus} ({@code
 *       eventbus-java}), posting on the calling thread, given a new event; {@code
 *       greenrobotPrebuilt} the same with an event built beforehand.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class EventBusBenchmark {

  @Param({"1", "8"})
  public int listeners;

  private String conversationId;
  private Message message;
  private MessageSentEvent event;
  private com.google.common.eventbus.EventBus guava;
  private org.greenrobot.eventbus.EventBus greenrobot;

  @Setup
  public void setUp(Blackhole blackhole) {
    conversationId = Workload.CONVERSATION_ID;
    message = Workload.MESSAGE;
    event = new MessageSentEvent(conversationId, message);
    List<EventBusListener> subscribers = EventBusListener.distinct(blackhole).subList(0, listeners);
    guava = new com.google.common.eventbus.EventBus("benchmark");
    greenrobot = org.greenrobot.eventbus.EventBus.builder().build();
    for (EventBusListener subscriber : subscribers) {
      guava.register(subscriber);
      greenrobot.register(subscriber);
    }
  }

  @Benchmark
  public void guava() {
    guava.post(new MessageSentEvent(conversationId, message));
  }

  @Benchmark
  public void guavaPrebuilt() {
    guava.post(event);
  }

  @Benchmark
  public void greenrobot() {
    greenrobot.post(new MessageSentEvent(conversationId, message));
  }

  @Benchmark
  public void greenrobotPrebuilt() {
    greenrobot.post(event);
  }
}
