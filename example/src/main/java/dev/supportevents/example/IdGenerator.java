package dev.supportevents.example;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes the ids of conversations and messages; injected so that tests and demos can predict them.
 */
@FunctionalInterface
public interface IdGenerator {

  /**
   * Makes a new id.
   *
   * @param prefix what kind of thing it names, such as {@code "c"} or {@code "m"}
   * @return a new id that starts with {@code prefix} and a hyphen
   */
  String nextId(String prefix);

  /**
   * Ids that count up across all prefixes: {@code c-1}, {@code m-2}, {@code m-3}, ...
   *
   * @return a new generator whose first id ends in 1
   */
  static IdGenerator sequential() {
    AtomicLong counter = new AtomicLong();
    return prefix -> prefix + "-" + counter.incrementAndGet();
  }

  /**
   * Ids unique across widgets and runs, from random UUIDs.
   *
   * @return a generator of random ids
   */
  static IdGenerator random() {
    return prefix -> prefix + "-" + UUID.randomUUID();
  }
}
