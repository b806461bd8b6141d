package dev.supportevents.runtime;

import java.util.List;
import java.util.stream.Collectors;

/** The handle of {@link Subscription#all}: closes every subscription it holds. */
final class SubscriptionGroup implements Subscription {

  private final List<Subscription> subscriptions;

  SubscriptionGroup(List<Subscription> subscriptions) {
    this.subscriptions = subscriptions;
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
