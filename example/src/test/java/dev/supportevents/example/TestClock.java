package dev.supportevents.example;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock that stands still until the test moves it. */
final class TestClock extends Clock {

  private Instant now;

  TestClock(Instant start) {
    this.now = start;
  }

  /** Moves the clock forward and returns the new time. */
  Instant advance(Duration duration) {
    now = now.plus(duration);
    return now;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the widget needs instants only");
  }
}
