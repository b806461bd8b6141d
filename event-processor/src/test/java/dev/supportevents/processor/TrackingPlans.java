package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** The tracking plans and TypeScript declarations a compilation wrote, as text. */
final class TrackingPlans {

  private TrackingPlans() {}

  /** The tracking plan of {@code packageName}, which must have been written. */
  static String of(Compilation compilation, String packageName) {
    return resource(compilation, path(packageName, ".schema.json"));
  }

  /** The TypeScript declarations of {@code packageName}, which must have been written. */
  static String typeScriptOf(Compilation compilation, String packageName) {
    return resource(compilation, path(packageName, ".d.ts"));
  }

  /** {@code META-INF/support-events/<package><extension>}. */
  static String path(String packageName, String extension) {
    return "META-INF/support-events/"
        + (packageName.isEmpty() ? "unnamed-package" : packageName)
        + extension;
  }

  private static String resource(Compilation compilation, String path) {
    JavaFileObject file =
        compilation.generatedFile(StandardLocation.CLASS_OUTPUT, path).orElse(null);
    assertWithMessage("generated resource %s", path).that(file).isNotNull();
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
