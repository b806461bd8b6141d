package dev.supportevents.runtime;

import java.util.List;
import java.util.stream.Collectors;

/** The handle of {@link Subscription#all}: closes every subscription it holds. */
final class SubscriptionGroup implements Subscription {

  private final List<Subscription> subscriptions;

  private SubscriptionGroup(List<Subscription> subscriptions) {
    this.subscriptions = subscriptions;
  }

  /**
   * A group of {@code subscriptions}, which the caller no longer changes.
   *
   * @throws NullPointerException naming the place of the first that is null
   */
  static Subscription of(List<? extends Subscription> subscriptions) {
    int missing = subscriptions.indexOf(null);
    if (missing >= 0) {
      throw new NullPointerException(
          "subscriptions["
              + missing
              + "] is null: Subscription.all takes the handles that subscribing returned");
    }
    return new SubscriptionGroup(List.copyOf(subscriptions));
  }

  @Override
  public void close() {
    subscriptions.forEach(Subscription::close);
  }

  @Override
  public boolean isActive() {
    return subscriptions.stream().anyMatch(Subscription::isActive);
  }

  @Override
  public int queuedEvents() {
    return subscriptions.stream().mapToInt(Subscription::queuedEvents).sum();
  }

  @Override
  public String description() {
    return subscriptions.stream()
        .map(Subscription::description)
        .collect(Collectors.joining(", ", "all of [", "]"));
  }

  @Override
  public String toString() {
    return "Subscription[" + description() + (isActive() ? ", active]" : ", closed]");
  }
}
