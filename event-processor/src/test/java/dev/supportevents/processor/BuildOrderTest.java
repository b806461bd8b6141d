package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The same catalog, byte for byte, whatever the build: the library and the application compiled
 * together from source, the application compiled against the library's class files or jar, any
 * single source compiled again with the earlier class files on the class path, and all of it on JDK
 * 17 and on JDK 25, whose javac differ in what they read from class files.
 */
class BuildOrderTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(
          Dialect.builder(Dialects.getDraft202012())
              .keyword(new AnnotationKeyword("x-java-class"))
              .build());

  @TempDir static Path temp;

  /** The library, the application and its samples compiled together, all from source. */
  private static Compilation oneBuild;

  private static Compilation library;
  private static Path libraryClasses;

  /** The application and its samples compiled against the library's class files. */
  private static Compilation application;

  @BeforeAll
  static void compile() {
    List<JavaFileObject> everything = new ArrayList<>(DeskLibrary.sources());
    everything.addAll(DeskLibrary.application());
    everything.add(DeskLibrary.samples());
    oneBuild = Libraries.compile(List.of(), everything.toArray(JavaFileObject[]::new));
    library = Libraries.compile(List.of(), DeskLibrary.sources().toArray(JavaFileObject[]::new));
    libraryClasses = Libraries.writeClasses(library, temp.resolve("library"));
    application = Libraries.compile(List.of(libraryClasses), applicationWithSamples());
  }

  private static JavaFileObject[] applicationWithSamples() {
    List<JavaFileObject> sources = new ArrayList<>(DeskLibrary.application());
    sources.add(DeskLibrary.samples());
    return sources.toArray(JavaFileObject[]::new);
  }

  @Test
  void anApplicationCompiledAgainstTheLibrarysClassFilesGetsTheCatalogOfOneBuild() {
    assertThat(oneBuild).succeededWithoutWarnings();
    assertThat(application).succeededWithoutWarnings();

    assertThat(outputs(application, DeskLibrary.APPLICATION))
        .containsExactlyEntriesIn(outputs(oneBuild, DeskLibrary.APPLICATION));
  }

  /** The library's nullable components keep their shorter overloads in the application. */
  @Test
  void theApplicationsEmitterLeavesOutTheLibrarysNullableComponents() {
    String emitter = TestCompiler.generated(application, "com.acme.store.SupportEventEmitter");

    assertThat(emitter).contains("default void emitConversationStart(String conversationId) {");
    assertThat(emitter)
        .contains(
            "void emitMessageSent(String conversationId,"
                + " @Trimmed(max = 500) String text,\n      @Nullable Instant editedAt);");
    assertThat(emitter)
        .contains(
            "default void emitMessageSent(String conversationId,"
                + " @Trimmed(max = 500) String text) {");
    assertThat(emitter).contains("default void emitError(String code) {");
    assertThat(emitter)
        .contains("default void emitRatingSubmitted(String conversationId," + " int stars) {");
  }

  /**
   * The application's tracking plan accepts each of the seven events with its nullable components
   * null, the payload's too, as Jackson writes them.
   */
  @Test
  void theApplicationsTrackingPlanAcceptsEveryEventWithItsNullableComponentsNull() {
    Schema plan =
        SCHEMAS.getSchema(JSON.readTree(TrackingPlans.of(application, DeskLibrary.APPLICATION)));
    Path classes = Libraries.writeClasses(application, temp.resolve("samples"));

    List<String> invalid = new ArrayList<>();
    List<Map.Entry<String, Record>> samples = samples(classes);
    for (Map.Entry<String, Record> sample : samples) {
      ObjectNode message = JSON.createObjectNode();
      message.put("event", sample.getKey());
      message.set("properties", JSON.valueToTree(sample.getValue()));
      if (!plan.validate(message).isEmpty()) {
        invalid.add(message + ": " + plan.validate(message));
      }
    }

    assertThat(samples).hasSize(8);
    assertWithMessage("%s of %s samples judged invalid", invalid.size(), samples.size())
        .that(invalid)
        .isEmpty();
  }

  @Test
  void anApplicationCompiledAgainstTheLibrarysJarGetsTheSameCatalog() {
    Path jar = jar(libraryClasses, temp.resolve("desk.jar"));

    Compilation againstJar = Libraries.compile(List.of(jar), applicationWithSamples());

    assertThat(againstJar).succeededWithoutWarnings();
    assertThat(outputs(againstJar, DeskLibrary.APPLICATION))
        .containsExactlyEntriesIn(outputs(oneBuild, DeskLibrary.APPLICATION));
  }

  static Stream<String> librarySources() {
    return DeskLibrary.sources().stream().map(JavaFileObject::getName);
  }

  /**
   * Any one source of the library compiled again, its earlier class files (its catalog's included)
   * on the class path: the catalog, if the processor runs, is the full build's.
   */
  @ParameterizedTest
  @MethodSource("librarySources")
  void recompilingAnyOneSourceOfTheLibraryGivesTheSameCatalog(String file) {
    JavaFileObject source =
        DeskLibrary.sources().stream()
            .filter(candidate -> candidate.getName().equals(file))
            .findFirst()
            .orElseThrow();

    Compilation partial = Libraries.compile(List.of(libraryClasses), source);

    assertThat(partial).succeededWithoutWarnings();
    Map<String, String> outputs = outputs(partial, DeskLibrary.PACKAGE);
    if (content(source).contains("@SupportEvent")) {
      assertThat(outputs).containsExactlyEntriesIn(outputs(library, DeskLibrary.PACKAGE));
    } else {
      assertThat(outputs).isEmpty(); // javac runs no processor: the earlier catalog stays
    }
  }

  static Stream<Integer> applicationSources() {
    return IntStream.range(0, DeskLibrary.application().size()).boxed();
  }

  @ParameterizedTest
  @MethodSource("applicationSources")
  void recompilingAnyOneSourceOfTheApplicationGivesTheSameCatalog(int index) {
    Path earlier = Libraries.writeClasses(application, temp.resolve("application-" + index));

    Compilation partial =
        Libraries.compile(List.of(libraryClasses, earlier), DeskLibrary.application().get(index));

    assertThat(partial).succeededWithoutWarnings();
    assertThat(outputs(partial, DeskLibrary.APPLICATION))
        .containsExactlyEntriesIn(outputs(oneBuild, DeskLibrary.APPLICATION));
  }

  static Stream<Integer> unionSources() {
    return IntStream.range(0, UnionSources.topLevel().size()).boxed();
  }

  /** The union's file, or any record's: the union's class file names the others. */
  @ParameterizedTest
  @MethodSource("unionSources")
  void recompilingAnyOneSourceOfAUnionGivesTheSameCatalog(int index) {
    Compilation full =
        Libraries.compile(List.of(), UnionSources.topLevel().toArray(JavaFileObject[]::new));
    Path earlier = Libraries.writeClasses(full, temp.resolve("union-" + index));

    Compilation partial = Libraries.compile(List.of(earlier), UnionSources.topLevel().get(index));

    assertThat(partial).succeededWithoutWarnings();
    assertThat(outputs(partial, UnionSources.TOP_LEVEL))
        .containsExactlyEntriesIn(outputs(full, UnionSources.TOP_LEVEL));
  }

  /**
   * The other JDK's javac, as a process: it generates the library's catalog as this one does, the
   * application's against the library's class files (its own and this JDK's), and a partial
   * recompile's.
   */
  @Test
  void theOtherJdkGeneratesTheSameCatalogs() {
    Path otherLibrary =
        OtherJdk.compile(temp.resolve("other-library"), List.of(), DeskLibrary.sources());
    assertWithMessage("the library by %s", OtherJdk.version())
        .that(OtherJdk.outputs(otherLibrary.getParent()))
        .containsExactlyEntriesIn(outputs(library, DeskLibrary.PACKAGE));

    Path otherApplication =
        OtherJdk.compile(
            temp.resolve("other-application"),
            List.of(otherLibrary),
            List.of(applicationWithSamples()));
    assertWithMessage("the application by %s, against its library", OtherJdk.version())
        .that(OtherJdk.outputs(otherApplication.getParent()))
        .containsExactlyEntriesIn(outputs(oneBuild, DeskLibrary.APPLICATION));

    Compilation here = Libraries.compile(List.of(otherLibrary), applicationWithSamples());
    assertThat(here).succeededWithoutWarnings();
    assertWithMessage("the application by this JDK, against the library of %s", OtherJdk.version())
        .that(outputs(here, DeskLibrary.APPLICATION))
        .containsExactlyEntriesIn(outputs(oneBuild, DeskLibrary.APPLICATION));

    JavaFileObject messageSent =
        DeskLibrary.sources().stream()
            .filter(source -> source.getName().endsWith("/MessageSentEvent.java"))
            .findFirst()
            .orElseThrow();
    // Its own class files: those of this JDK may be of a version the other one cannot read.
    Path partial =
        OtherJdk.compile(
            temp.resolve("other-partial"), List.of(otherLibrary), List.of(messageSent));
    assertWithMessage("MessageSentEvent compiled again by %s", OtherJdk.version())
        .that(OtherJdk.outputs(partial.getParent()))
        .containsExactlyEntriesIn(outputs(library, DeskLibrary.PACKAGE));
  }

  /**
   * The generated sources of the catalog of {@code packageName} and its tracking plan, by their
   * path relative to the source or class output.
   */
  static Map<String, String> outputs(Compilation compilation, String packageName) {
    String sources = "/SOURCE_OUTPUT/" + packageName.replace('.', '/') + "/";
    String plan = "/CLASS_OUTPUT/META-INF/support-events/" + packageName + ".";
    Map<String, String> outputs = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      int at = Math.max(path.indexOf(sources), path.indexOf(plan));
      if (at >= 0) {
        String relative = path.substring(path.indexOf('/', at + 1) + 1);
        outputs.put(relative, content(file));
      }
    }
    return outputs;
  }

  private static String content(JavaFileObject file) {
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The application's samples, run from its class files and the library's. */
  @SuppressWarnings("unchecked") // Samples is a Supplier of those entries by its declaration
  private static List<Map.Entry<String, Record>> samples(Path classes) {
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL(), libraryClasses.toUri().toURL()},
            BuildOrderTest.class.getClassLoader())) {
      Object samples =
          Class.forName(DeskLibrary.APPLICATION + ".Samples", true, loader)
              .getDeclaredConstructor()
              .newInstance();
      return new ArrayList<>(((Supplier<List<Map.Entry<String, Record>>>) samples).get());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot run the samples", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A jar of the files under {@code directory}. */
  private static Path jar(Path directory, Path jar) {
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream entries = new JarOutputStream(out);
        Stream<Path> walk = Files.walk(directory)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        String name = directory.relativize(file).toString().replace('\\', '/');
        entries.putNextEntry(new JarEntry(name));
        try (InputStream in = Files.newInputStream(file)) {
          in.transferTo(entries);
        }
        entries.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return jar;
  }
}
