package dev.supportevents.runtime;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * How one hub delivers its events: on which executor, and where listener failures go. A generated
 * {@code SupportEvents} hub owns one {@code Delivery} and one {@link Listeners} per event type.
 *
 * <p>Every change to the hub's listener lists takes this object's lock, so a subscription that
 * spans several event types (callbacks, subscribe-all) joins all of them in one step, and
 * listeners run in the order they subscribed. Delivery itself takes no lock.
 */
public final class Delivery {

  private final Object lock = new Object();
  private final Executor executor;
  private final ListenerFailureHandler failureHandler;

  private Delivery(Builder builder) {
    this.executor = builder.executor;
    this.failureHandler = builder.failureHandler;
  }

  /**
   * Starts a delivery with the defaults: synchronous, failures logged.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Creates the listener list of one event type of this hub.
   *
   * @param type the event type the list is for
   * @param <E> the event's record type
   * @return an empty list of listeners
   */
  public <E extends Record> Listeners<E> listeners(EventType type) {
    return new Listeners<>(Objects.requireNonNull(type, "type"), this);
  }

  /**
   * Creates one subscription and lets {@code attach} add its listeners, to as many event types as
   * it likes, atomically: no other subscription can slip between them.
   *
   * @param attach adds listeners with {@link Registration#listen}
   * @return the subscription, active
   */
  public Subscription subscribe(Consumer<Registration> attach) {
    Objects.requireNonNull(attach, "attach");
    synchronized (lock) {
      Registration registration = new Registration(this);
      try {
        attach.accept(registration);
      } catch (RuntimeException | Error failure) {
        registration.close();
        throw failure;
      }
      registration.attached();
      return registration;
    }
  }

  Object lock() {
    return lock;
  }

  <E extends Record> void deliver(Listeners.Entry<E>[] entries, EventType type, E event) {
    if (executor == null) {
      deliverNow(entries, type, event);
    } else {
      executor.execute(() -> deliverNow(entries, type, event));
    }
  }

  private <E extends Record> void deliverNow(Listeners.Entry<E>[] entries, EventType type, E event) {
    for (Listeners.Entry<E> entry : entries) {
      Registration registration = entry.registration();
      if (!registration.isActive()) {
        continue;
      }
      try {
        entry.listener().accept(event);
      } catch (VirtualMachineError fatal) {
        throw fatal;
      } catch (Throwable failure) {
        listenerFailed(new ListenerFailure(type, event, registration, failure));
      }
    }
  }

  private void listenerFailed(ListenerFailure failure) {
    try {
      failureHandler.handle(failure);
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable handlerFailure) {
      FailureLog.handlerFailed(failure, handlerFailure);
    }
  }

  /** Configures a {@link Delivery}. */
  public static final class Builder {

    private Executor executor;
    private ListenerFailureHandler failureHandler = ListenerFailureHandler.logging();

    private Builder() {}

    /**
     * Delivers every event through {@code executor}, one task per emitted event that runs its
     * listeners in order. Without it, listeners run on the emitting thread before emit returns.
     *
     * @param executor runs deliveries
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Sends listener failures to {@code failureHandler} instead of the log.
     *
     * @param failureHandler receives each failure of a listener
     * @return this builder
     */
    public Builder failureHandler(ListenerFailureHandler failureHandler) {
      this.failureHandler = Objects.requireNonNull(failureHandler, "failureHandler");
      return this;
    }

    /**
     * Builds the delivery.
     *
     * @return a new delivery with this builder's settings
     */
    public Delivery build() {
      return new Delivery(this);
    }
  }
}
