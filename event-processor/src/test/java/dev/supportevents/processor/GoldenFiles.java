package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Generated sources compared, character for character, with files under {@code
 * src/test/resources/golden}. With {@code -Dgolden.update=true} each check rewrites its file
 * instead and fails, so that a run that rewrote goldens can never pass.
 */
final class GoldenFiles {

  static final boolean UPDATE = Boolean.getBoolean("golden.update");

  private GoldenFiles() {}

  /**
   * Checks {@code actual} against the golden file {@code path}, or rewrites it in update mode.
   *
   * @param path relative to {@code golden/}, such as {@code
   *     dev/supportevents/example/SupportEvents.java}
   */
  static void check(String path, String actual) {
    checkAll(Map.of(path, actual));
  }

  /**
   * Checks each text of {@code actualByPath} against its golden file, or in update mode rewrites
   * them all before failing once, so that one compilation serves several files.
   */
  static void checkAll(Map<String, String> actualByPath) {
    if (UPDATE) {
      List<Path> rewritten = new ArrayList<>();
      actualByPath.forEach(
          (path, actual) -> {
            Path file =
                Path.of(System.getProperty("basedir", ""), "src/test/resources/golden", path);
            try {
              Files.createDirectories(file.getParent());
              Files.writeString(file, actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            rewritten.add(file);
          });
      fail(
          "Rewrote "
              + rewritten
              + "; review the change and run the tests again without"
              + " -Dgolden.update");
    }
    actualByPath.forEach(
        (path, actual) ->
            assertWithMessage(
                    "generated %s against golden/%s (regenerate with -Dgolden.update=true)",
                    path, path)
                .that(actual)
                .isEqualTo(read(path)));
  }

  private static String read(String path) {
    try (InputStream in = GoldenFiles.class.getResourceAsStream("/golden/" + path)) {
      if (in == null) {
        fail("No golden file golden/" + path + "; create it with -Dgolden.update=true");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
