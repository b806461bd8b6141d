package dev.supportevents.runtime.internal;

import dev.supportevents.runtime.EventType;
import dev.supportevents.runtime.PublisherOptions;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The {@link Flow.Publisher} of some events of one hub: each {@link Flow.Subscriber} becomes one
 * subscription of the hub, an ordinary listener that feeds a {@link FlowSubscription}, which
 * honours the subscriber's demand.
 *
 * @param <E> the type of the events published: a record class, {@code Record}, or a catalog's
 *     sealed interface, which records implement
 */
public final class EventPublisher<E> implements Flow.Publisher<E> {

  private final Delivery delivery;
  private final PublisherOptions options;
  private final Function<? super E, ? extends EventType> typeOf;
  private final BiConsumer<Registration, Consumer<? super E>> attach;

  /**
   * Creates the publisher; generated code calls it.
   *
   * @param delivery the hub's delivery
   * @param options the buffer, overflow policy and executor of each subscriber
   * @param typeOf the type of a published event, to name it in failure reports
   * @param attach adds one listener, to each event type published, to a subscription being created,
   *     with {@link Registration#listen}
   */
  public EventPublisher(
      Delivery delivery,
      PublisherOptions options,
      Function<? super E, ? extends EventType> typeOf,
      BiConsumer<Registration, Consumer<? super E>> attach) {
    this.delivery = Objects.requireNonNull(delivery, "delivery");
    this.options = Objects.requireNonNull(options, "options");
    this.typeOf = Objects.requireNonNull(typeOf, "typeOf");
    this.attach = Objects.requireNonNull(attach, "attach");
  }

  /**
   * Subscribes {@code subscriber} to the events emitted from now on: it is a subscription of the
   * hub before {@code onSubscribe} is called, so no event emitted after this call began escapes it,
   * and it waits in the subscriber's buffer until requested.
   *
   * @param subscriber receives the events it requests
   * @throws NullPointerException if {@code subscriber} is null
   */
  @Override
  public void subscribe(Flow.Subscriber<? super E> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber");
    FlowSubscription<E> subscription =
        new FlowSubscription<>(subscriber, delivery, options, typeOf);
    try {
      delivery.subscribe(
          subscriber,
          registration -> {
            subscription.attached(registration);
            attach.accept(registration, subscription);
          });
    } catch (IllegalStateException refused) {
      if (!delivery.isClosed()) {
        throw refused;
      }
      // Rule 1.9: subscribe never throws. A closed hub has nothing more to publish.
      subscription.hubAlreadyClosed();
    }
    subscription.start();
  }

  @Override
  public String toString() {
    return "EventPublisher" + options;
  }
}
