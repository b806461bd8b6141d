package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generated sources compared, character for character, with files under
 * {@code src/test/resources/golden}. With {@code -Dgolden.update=true} each check rewrites its
 * file instead and fails, so that a run that rewrote goldens can never pass.
 */
final class GoldenFiles {

  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  private GoldenFiles() {}

  /**
   * Checks {@code actual} against the golden file {@code path}, or rewrites it in update mode.
   *
   * @param path relative to {@code golden/}, such as {@code dev/supportevents/example/SupportEvents.java}
   */
  static void check(String path, String actual) {
    if (UPDATE) {
      Path file = Path.of(System.getProperty("basedir", ""), "src/test/resources/golden", path);
      try {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      fail("Rewrote " + file + "; review the change and run the tests again without"
          + " -Dgolden.update");
    }
    assertWithMessage("generated %s against golden/%s (regenerate with -Dgolden.update=true)",
        path, path)
        .that(actual)
        .isEqualTo(read(path));
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
