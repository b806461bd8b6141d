package dev.supportevents.example.bytecode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportevents.example.bytecode.Bytecode.Finding;
import dev.supportevents.runtime.Subscription;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing on the path of an event is looked up by reflection: the compiled catalog and runtime
 * reference no {@code java.lang.reflect}, method handle lookup, {@code Class.forName} or service
 * loader.
 */
class NoReflectionTest {

  private static final String EXAMPLE = "dev/supportevents/example/";
  private static final String RUNTIME = "dev/supportevents/runtime";
  private static final String RUNTIME_INTERNAL = RUNTIME + "/internal";

  private static final List<String> GENERATED_TYPES =
      List.of(
          EXAMPLE + "SupportEvents",
          EXAMPLE + "SupportEventType",
          EXAMPLE + "SupportEventCallbacks",
          EXAMPLE + "SupportEventEmitter",
          EXAMPLE + "SupportEventRecorder");

  /** What javac makes of the generated sources; {@code SupportEvents$1} maps enum ordinals. */
  private static final Set<String> GENERATED_CLASSES =
      Set.of(
          EXAMPLE + "SupportEvents", EXAMPLE + "SupportEvents$Builder",
          EXAMPLE + "SupportEvents$EmitterView", EXAMPLE + "SupportEvents$1",
          EXAMPLE + "SupportEventType", EXAMPLE + "SupportEventCallbacks",
          EXAMPLE + "SupportEventEmitter", EXAMPLE + "SupportEventRecorder");

  /** The runtime's classes today; the runtime may grow, and new classes are scanned too. */
  private static final Set<String> KNOWN_RUNTIME_CLASSES =
      Stream.concat(
              Stream.of("EventType", "ListenerFailure", "ListenerFailureHandler", "Subscription")
                  .map(name -> RUNTIME + "/" + name),
              Stream.of(
                      "Delivery",
                      "Delivery$Builder",
                      "FailureLog",
                      "Listeners",
                      "Listeners$Entry",
                      "Registration")
                  .map(name -> RUNTIME_INTERNAL + "/" + name))
          .collect(Collectors.toSet());

  @Test
  void generatedCatalogMakesNoReflectiveReference() {
    Map<String, byte[]> classes = ClassFiles.readWithNested(GENERATED_TYPES);

    assertEquals(new TreeSet<>(GENERATED_CLASSES), classes.keySet());
    assertEquals(List.of(), reflectiveReferences(classes));
  }

  @Test
  void runtimeMakesNoReflectiveReference() {
    Path location = ClassFiles.locationOf(Subscription.class);
    Map<String, byte[]> classes = new TreeMap<>(ClassFiles.inPackage(location, RUNTIME));
    classes.putAll(ClassFiles.inPackage(location, RUNTIME_INTERNAL));

    assertTrue(
        classes.keySet().containsAll(KNOWN_RUNTIME_CLASSES),
        () -> "scanned " + classes.keySet() + ", expected at least " + KNOWN_RUNTIME_CLASSES);
    assertEquals(List.of(), reflectiveReferences(classes));
  }

  @Test
  void runtimeClassesReadTheSameFromAJarAsFromADirectory(@TempDir Path temp) throws IOException {
    Path location = ClassFiles.locationOf(Subscription.class);
    Path copy =
        Files.isDirectory(location)
            ? jar(location, temp.resolve("runtime.jar"))
            : unjar(location, temp.resolve("runtime"));

    Map<String, byte[]> original = ClassFiles.inPackage(location, RUNTIME);
    Map<String, byte[]> copied = ClassFiles.inPackage(copy, RUNTIME);

    assertEquals(original.keySet(), copied.keySet());
    original.forEach((name, bytes) -> assertArrayEquals(bytes, copied.get(name), name));
  }

  @Test
  void scannerFindsEveryKindOfReflection() {
    List<Finding> findings =
        Bytecode.reflectiveReferences(ClassFiles.read(EXAMPLE + "bytecode/ReflectiveLookup"));

    assertTrue(
        findings.contains(
            new Finding(
                EXAMPLE + "bytecode/ReflectiveLookup", "instantiate", "java/lang/Class.forName")),
        findings::toString);
    assertEquals(
        new TreeSet<>(
            Set.of(
                "java/lang/Class.forName",
                "java/lang/Class.getDeclaredConstructor",
                "java/lang/reflect/Constructor",
                "java/lang/Class.getField",
                "java/lang/reflect/Field",
                "java/lang/invoke/MethodHandles",
                "java/lang/invoke/MethodHandles$Lookup",
                "java/lang/invoke/MethodHandle",
                "java/util/ServiceLoader",
                "java/lang/Class.getMethods",
                "java/lang/reflect/Method")),
        findings.stream().map(Finding::reference).collect(Collectors.toCollection(TreeSet::new)));
  }

  @Test
  void scannerAllowsLambdasStringConcatenationAndRecords() {
    byte[] lambdaOnly = ClassFiles.read(EXAMPLE + "bytecode/LambdaOnly");

    assertEquals(
        Set.of(
            "java/lang/invoke/LambdaMetafactory",
            "java/lang/invoke/StringConcatFactory",
            "java/lang/runtime/ObjectMethods"),
        Bytecode.bootstraps(lambdaOnly));
    assertEquals(List.of(), Bytecode.reflectiveReferences(lambdaOnly));
  }

  private static List<Finding> reflectiveReferences(Map<String, byte[]> classes) {
    List<Finding> findings = new ArrayList<>();
    classes.values().forEach(bytes -> findings.addAll(Bytecode.reflectiveReferences(bytes)));
    return findings;
  }

  /** Packs the runtime package of a class directory into a jar. */
  private static Path jar(Path directory, Path jar) throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.list(directory.resolve(RUNTIME))) {
      for (Path file : (Iterable<Path>) files::iterator) {
        out.putNextEntry(new JarEntry(RUNTIME + "/" + file.getFileName()));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
    return jar;
  }

  /** Unpacks the runtime package of a jar into a class directory. */
  private static Path unjar(Path jarFile, Path directory) throws IOException {
    try (JarFile jar = new JarFile(jarFile.toFile())) {
      for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
        JarEntry entry = entries.nextElement();
        if (entry.getName().startsWith(RUNTIME + "/") && !entry.isDirectory()) {
          Path target = directory.resolve(entry.getName());
          Files.createDirectories(target.getParent());
          try (InputStream in = jar.getInputStream(entry);
              OutputStream out = Files.newOutputStream(target)) {
            in.transferTo(out);
          }
        }
      }
    }
    return directory;
  }
}
