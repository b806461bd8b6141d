package dev.supportevents.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The TypeScript declarations the processor writes beside each tracking plan, read from the class
 * path, compared with the golden files under {@code src/test/resources/golden}; {@code
 * -Dgolden.update=true} rewrites them and fails. The TypeScript compiler checks Jackson's events
 * against them in {@code integrations.kafka.TypeScriptEventsTest}.
 */
class TypeScriptDeclarationsTest {

  @ParameterizedTest
  @ValueSource(strings = {"dev.supportevents.example", "dev.supportevents.example.shop"})
  void theDeclarationsOfEachCatalogMatchGolden(String catalog) throws IOException {
    String path = "META-INF/support-events/" + catalog + ".d.ts";
    String written = read(getClass().getResourceAsStream("/" + path), path);
    Path golden = Path.of(System.getProperty("basedir", ""), "src/test/resources/golden", path);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, written, StandardCharsets.UTF_8);
      fail(
          "Rewrote "
              + golden
              + "; review the change and run the tests again without"
              + " -Dgolden.update");
    }
    assertEquals(
        read(getClass().getResourceAsStream("/golden/" + path), "golden/" + path),
        written,
        path + " against its golden file (regenerate with -Dgolden.update=true)");
  }

  private static String read(InputStream in, String path) {
    assertNotNull(in, path + " is not on the class path");
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
