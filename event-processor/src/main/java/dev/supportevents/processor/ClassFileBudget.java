package dev.supportevents.processor;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How many entries of its class file's constant pool each generated type that names every event of
 * a part or of the catalog will take, estimated from above before any code is written: a class file
 * holds at most 65,535, and javac stops with "too many constants" past that. The estimates count
 * the strings the events share once, as the class file does: the names of parameters, and the
 * descriptors and signatures of events of the same component types.
 *
 * <p>The figures per event were measured with {@code javap} on catalogs of 10,000 events: plain
 * records of one {@code int}, a mix of five shapes with {@code @Nullable} trailing components, and
 * events that each have component types of their own, generic ones and kept for replay, the largest
 * shape (about 32 entries of the hub per event, and 7 of the emitter).
 */
final class ClassFileBudget {

  /** The entries a class file may use for its events: its other members take a few hundred. */
  static final int LARGEST_POOL = 64_000;

  /**
   * What a hub or hub part names per event whatever its components: its listeners field, the typed
   * subscribe methods, the emit method, the event's class and constructor, the lambdas of the
   * listen methods and the route's case; one more than measured for the signature of the typed
   * subscribe method that takes {@code SubscriptionOptions}.
   */
  private static final int HUB_PER_EVENT = 29;

  /** What {@code latestX} and {@code forgetLatestX} add for an event kept for replay. */
  private static final int REPLAY_PER_EVENT = 3;

  /** The method and its target of an emit overload: a method reference and its name and type. */
  private static final int CALL_PER_EVENT = 2;

  private ClassFileBudget() {}

  /**
   * The first generated type of the catalog of {@code layout} whose estimate passes {@link
   * #LARGEST_POOL}, with its estimate, or empty if every one fits.
   */
  static Optional<Estimate> firstOverflow(CatalogLayout layout) {
    Catalog catalog = layout.catalog();
    List<List<EventModel>> parts = layout.parts();
    for (int part = 1; part <= parts.size(); part++) {
      String type = (layout.inParts() ? layout.hubPart(part) : catalog.hub()).simpleName();
      int entries = hub(parts.get(part - 1));
      if (entries > LARGEST_POOL) {
        return Optional.of(new Estimate(type, entries));
      }
    }
    int emitter = emitter(catalog.events());
    if (emitter > LARGEST_POOL) {
      return Optional.of(new Estimate(catalog.emitter().simpleName(), emitter));
    }
    int view = emitterView(catalog.events());
    if (view > LARGEST_POOL) {
      return Optional.of(
          new Estimate(catalog.hub().simpleName() + "." + Catalog.EMITTER_VIEW, view));
    }
    return Optional.empty();
  }

  /** A generated type and the constant-pool entries it would need. */
  record Estimate(String type, int entries) {}

  /**
   * The hub, or one part of it: fixed entries per event, and the shared strings of emit, with the
   * names that its null checks give their exceptions.
   */
  private static int hub(List<EventModel> events) {
    Strings strings = new Strings();
    int entries = 0;
    for (EventModel event : events) {
      entries += HUB_PER_EVENT + (event.replayLatest() ? REPLAY_PER_EVENT : 0);
      strings.method(event, event.components().size());
      event.components().stream()
          .filter(EventComponent::nullChecked)
          .forEach(component -> strings.literal(component.name()));
    }
    return entries + strings.size();
  }

  /** The emitter: each emit method and overload, and each overload's call of the full one. */
  private static int emitter(List<EventModel> events) {
    Strings strings = new Strings();
    int entries = 0;
    for (EventModel event : events) {
      int all = event.components().size();
      strings.name(event.emitName());
      for (int count = all - event.omittableTrailingComponents(); count <= all; count++) {
        strings.method(event, count);
      }
      entries += event.omittableTrailingComponents() > 0 ? CALL_PER_EVENT : 0;
    }
    return entries + strings.size();
  }

  /** The emitter view: each full emit method, forwarding to the hub's. */
  private static int emitterView(List<EventModel> events) {
    Strings strings = new Strings();
    for (EventModel event : events) {
      strings.name(event.emitName());
      strings.method(event, event.components().size());
    }
    return events.size() * CALL_PER_EVENT + strings.size();
  }

  /** The distinct strings of a class file: names, descriptors, signatures, parameter names. */
  private static final class Strings {
    private final Set<String> strings = new HashSet<>();

    void name(String name) {
      strings.add("name " + name);
    }

    /** A string literal: its entry, and the text it shares with a name of the same spelling. */
    void literal(String text) {
      strings.add("literal " + text);
      name(text);
    }

    /**
     * The descriptor and signature of a method taking the first {@code count} components, and the
     * parameters' names; type-use annotations take no string of their own per method.
     */
    void method(EventModel event, int count) {
      List<EventComponent> components = event.components().subList(0, count);
      String types =
          components.stream()
              .map(component -> component.type().withoutAnnotations().toString())
              .collect(Collectors.joining(","));
      strings.add("descriptor " + types);
      strings.add("signature " + types);
      components.forEach(component -> name(component.name()));
    }

    int size() {
      return strings.size();
    }
  }
}
