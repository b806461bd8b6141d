package dev.supportevents.processor;

import dev.supportevents.processor.WireType.Definition;
import dev.supportevents.processor.WireType.ObjectType;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The wire form of a catalog's events, which the tracking plan and the TypeScript declarations
 * spell: each event's properties, and the shared definitions they refer to.
 *
 * @param catalog the catalog
 * @param events each event's properties, in the catalog's order
 * @param definitions the records, unions and {@code Throwable} that the events refer to, by name
 * @param typeIds each {@code @JsonTypeInfo} with which Jackson would write what the forms do not
 *     have
 */
record WireCatalog(
    Catalog catalog,
    List<WireEvent> events,
    SortedMap<String, Definition> definitions,
    List<JacksonTypeId> typeIds) {

  /**
   * One event on the wire.
   *
   * @param event the event
   * @param properties its record's object, the message's {@code "properties"}
   */
  record WireEvent(EventModel event, ObjectType properties) {}

  /** The wire form of {@code catalog}'s events. */
  static WireCatalog of(Catalog catalog, Types types, Elements elements) {
    WireTypes wireTypes = new WireTypes(types, elements, catalog::shapeOf);
    List<WireEvent> events = new ArrayList<>();
    for (EventModel event : catalog.events()) {
      events.add(new WireEvent(event, wireTypes.objectOf(event.element())));
    }
    return new WireCatalog(
        catalog, List.copyOf(events), wireTypes.definitions(), wireTypes.typeIds());
  }
}
