package dev.supportevents.runtime;

import java.util.Collection;
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
  static Subscription of(Collection<? extends Subscription> subscriptions) {
    int place = 0;
    for (Subscription subscription : subscriptions) {
      if (subscription == null) {
        throw new NullPointerException(
            "subscriptions["
                + place
                + "] is null: Subscription.all takes the handles that subscribing returned");
      }
      place++;
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
