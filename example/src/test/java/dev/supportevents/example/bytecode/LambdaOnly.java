package dev.supportevents.example.bytecode;

import java.util.function.Supplier;

/**
 * A record with a lambda and string concatenation: all {@code invokedynamic}, none reflective.
 *
 * @param name who to greet
 */
record LambdaOnly(String name) {

  Supplier<String> greeting() {
    return () -> "Hello, " + name;
  }
}
