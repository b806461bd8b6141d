package dev.supportevents.example.benchmarks;

import com.google.common.eventbus.AllowConcurrentEvents;
import dev.supportevents.example.MessageSentEvent;
import java.util.List;
import java.util.function.Function;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The listeners of the event-bus benchmarks: the body of {@link Workload}'s listeners in the form
 * Guava's {@code EventBus} and greenrobot's {@code EventBus} find by annotation. Each method
 * carries both libraries' {@code @Subscribe}; Guava's is also {@link AllowConcurrentEvents}, so
 * that Guava does not serialize calls, as the generated hub does not.
 */
public abstract class EventBusListener {

  final Blackhole blackhole;

  EventBusListener(Blackhole blackhole) {
    this.blackhole = blackhole;
  }

  /** Eight listeners, each of its own class. */
  static List<EventBusListener> distinct(Blackhole blackhole) {
    List<Function<Blackhole, EventBusListener>> kinds =
        List.of(
            First::new,
            Second::new,
            Third::new,
            Fourth::new,
            Fifth::new,
            Sixth::new,
            Seventh::new,
            Eighth::new);
    return kinds.stream().map(kind -> kind.apply(blackhole)).toList();
  }

  /** The one-listener scenario's listener. */
  public static final class First extends EventBusListener {
    First(Blackhole blackhole) {
      super(blackhole);
    }

    @com.google.common.eventbus.Subscribe
    @AllowConcurrentEvents
    @org.greenrobot.eventbus.Subscribe
    public void on(MessageSentEvent event) {
      blackhole.consume(event);
    }
  }

  /** One of the eight. */
  public static final class Second extends EventBusListener {
    Second(Blackhole blackhole) {
      super(blackhole);
    }

    @com.google.common.eventbus.Subscribe
    @AllowConcurrentEvents
    @org.greenrobot.eventbus.Subscribe
    public void on(MessageSentEvent event) {
      blackhole.consume(event);
    }
  }

  /** One of the eight. */
  public static final class Third extends EventBusListener {
    Third(Blackhole blackhole) {
      super(blackhole);
    }

    @com.google.common.eventbus.Subscribe
    @AllowConcurrentEvents
    @org.greenrobot.eventbus.Subscribe
    public void on(MessageSentEvent event) {
      blackhole.consume(event);
    }
  }

  /** One of the eight. */
  public static final class Fourth extends EventBusListener {
    Fourth(Blackhole blackhole) {
      super(blackhole);
    }

    @com.google.common.eventbus.Subscribe
    @AllowConcurrentEvents
    @org.greenrobot.eventbus.Subscribe
    public void on(MessageSentEvent event) {
      blackhole.consume(event);
    }
  }

  /** One of the eight. */
  public static final class Fifth extends EventBusListener {
    Fifth(Blackhole blackhole) {
      super(blackhole);
    }

    @com.google.common.eventbus.Subscribe
    @AllowConcurrentEvents
    @org.greenrobot.eventbus.Subscribe
    public void on(MessageSentEvent event) {
      blackhole.consume(event);
    }
  }

  /** One of the eight. */
  public static final class Sixth extends EventBusListener {
    Sixth(Blackhole blackhole) {
      super(blackhole);
    }

    @com.google.common.eventbus.Subscribe
    @AllowConcurrentEvents
    @org.greenrobot.eventbus.Subscribe
    public void on(MessageSentEvent event) {
      blackhole.consume(event);
    }
  }

  /** One of the eight. */
  public static final class Seventh extends EventBusListener {
    Seventh(Blackhole blackhole) {
      super(blackhole);
    }

    @com.google.common.eventbus.Subscribe
    @AllowConcurrentEvents
    @org.greenrobot.eventbus.Subscribe
    public void on(MessageSentEvent event) {
      blackhole.consume(event);
    }
  }

  /** One of the eight. */
  public static final class Eighth extends EventBusListener {
    Eighth(Blackhole blackhole) {
      super(blackhole);
    }

    @com.google.common.eventbus.Subscribe
    @AllowConcurrentEvents
    @org.greenrobot.eventbus.Subscribe
    public void on(MessageSentEvent event) {
      blackhole.consume(event);
    }
  }
}
