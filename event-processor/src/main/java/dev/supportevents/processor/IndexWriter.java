package dev.supportevents.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the {@code @SupportEventIndex} of a catalog's {@code SupportEventType}: its event records,
 * their wire names and replay, and the components of the events and of the records they use with
 * their type-use annotations, which a later compilation reads back through {@link CatalogIndex}
 * instead of from class files.
 */
final class IndexWriter {

  private static final ClassName INDEX = ClassName.bestGuess(CatalogAnnotation.INDEX_NAME);
  private static final ClassName COMPONENTS = INDEX.nestedClass("Components");
  private static final ClassName TYPE_USE = INDEX.nestedClass("TypeUse");

  private IndexWriter() {}

  /** The generated index annotation's type, for javadoc links. */
  static ClassName type() {
    return INDEX;
  }

  /** {@code @SupportEventIndex(...)} of {@code catalog}. */
  static AnnotationSpec index(Catalog catalog) {
    AnnotationSpec.Builder index = AnnotationSpec.builder(INDEX);
    for (EventModel event : catalog.events()) {
      index.addMember("events", "$T.class", event.className());
    }
    for (EventModel event : catalog.events()) {
      index.addMember("wireNames", "$S", event.wireName());
    }
    for (EventModel event : catalog.events()) {
      if (event.replayLatest()) {
        index.addMember("replayLatest", "$T.class", event.className());
      }
    }
    for (RecordShape shape : recordedShapes(catalog)) {
      index.addMember("components", "$L", components(shape));
    }
    return index.build();
  }

  /**
   * The shapes the index records: every event's, in order, for its components' names, then each
   * other record's whose components carry type-use annotations.
   */
  private static List<RecordShape> recordedShapes(Catalog catalog) {
    List<RecordShape> recorded = new ArrayList<>();
    for (EventModel event : catalog.events()) {
      recorded.add(catalog.shapeOf(event.element()));
    }
    for (RecordShape shape : catalog.shapes().values()) {
      if (!recorded.contains(shape) && shape.hasTypeUses()) {
        recorded.add(shape);
      }
    }
    return recorded;
  }

  /**
   * {@code @SupportEventIndex.Components(of = R.class, names = {...})} on one line, or with {@code
   * typeUses} one member a line, as written by hand.
   */
  private static CodeBlock components(RecordShape shape) {
    ClassName record = ClassName.get(shape.element());
    CodeBlock names =
        array(shape.componentNames().stream().map(name -> CodeBlock.of("$S", name)).toList());
    List<CodeBlock> typeUses = new ArrayList<>();
    for (RecordShape.Component component : shape.components()) {
      component
          .typeUses()
          .byPath()
          .forEach(
              (path, annotations) ->
                  annotations.forEach(
                      annotation -> typeUses.add(typeUse(component.name(), path, annotation))));
    }
    if (typeUses.isEmpty()) {
      // May break after "(": an event named SupportEventIndex makes the annotation's name long.
      return CodeBlock.of("@$T($Zof = $T.class,$Wnames = $L)", COMPONENTS, record, names);
    }
    return CodeBlock.builder()
        .add("@$T(\n$>$>", COMPONENTS)
        .add("of = $T.class,\n", record)
        .add("names = $L,\n", names)
        .add(
            "typeUses = $L$<$<)",
            typeUses.size() == 1
                ? typeUses.get(0)
                : CodeBlock.builder()
                    .add("{\n$>$>")
                    .add(CodeBlock.join(typeUses, ",\n"))
                    .add("$<$<\n}")
                    .build())
        .build();
  }

  /** {@code @SupportEventIndex.TypeUse(...)}, one member a line. */
  private static CodeBlock typeUse(String component, String path, TypeUses.Annotation annotation) {
    CodeBlock.Builder code =
        CodeBlock.builder().add("@$T(\n$>$>", TYPE_USE).add("component = $S,\n", component);
    if (!path.isEmpty()) {
      code.add("path = $S,\n", path);
    }
    code.add("annotation = $S", annotation.name());
    if (!annotation.members().isEmpty()) {
      List<CodeBlock> members = new ArrayList<>();
      for (Map.Entry<String, String> member : annotation.members().entrySet()) {
        members.add(CodeBlock.of("$S", member.getKey()));
        members.add(CodeBlock.of("$S", member.getValue()));
      }
      code.add(",\nmembers = $L", array(members));
    }
    return code.add("$<$<)").build();
  }

  /** One value as itself, more in braces, wrapped where a line would pass 100 columns. */
  private static CodeBlock array(List<CodeBlock> values) {
    if (values.size() == 1) {
      return values.get(0);
    }
    return CodeBlock.builder().add("{").add(CodeBlock.join(values, ",$W")).add("}").build();
  }
}
