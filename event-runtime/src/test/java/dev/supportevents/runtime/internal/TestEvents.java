package dev.supportevents.runtime.internal;

import dev.supportevents.runtime.EventType;

/** Two event types, as a generated catalog would declare them, for testing the runtime alone. */
final class TestEvents {

  private TestEvents() {}

  record Ping(int number) {}

  record Pong(String text) {}

  enum Type implements EventType {
    PING("ping", Ping.class),
    PONG("pong", Pong.class);

    private final String wireName;
    private final Class<? extends Record> eventClass;

    Type(String wireName, Class<? extends Record> eventClass) {
      this.wireName = wireName;
      this.eventClass = eventClass;
    }

    @Override
    public String wireName() {
      return wireName;
    }

    @Override
    public Class<? extends Record> eventClass() {
      return eventClass;
    }
  }
}
