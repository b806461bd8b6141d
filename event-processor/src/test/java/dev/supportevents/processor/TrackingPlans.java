package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** The tracking plans a compilation wrote, as text. */
final class TrackingPlans {

  private TrackingPlans() {}

  /** The tracking plan of {@code packageName}, which must have been written. */
  static String of(Compilation compilation, String packageName) {
    String path = "META-INF/support-events/"
        + (packageName.isEmpty() ? "unnamed-package" : packageName) + ".schema.json";
    JavaFileObject file =
        compilation.generatedFile(StandardLocation.CLASS_OUTPUT, path).orElse(null);
    assertWithMessage("tracking plan %s", path).that(file).isNotNull();
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
