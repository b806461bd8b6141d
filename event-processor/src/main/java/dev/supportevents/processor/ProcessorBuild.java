package dev.supportevents.processor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What the build wrote into the processor's jar about itself: its version, and where its bugs are
 * reported. A crash report names both.
 *
 * @param version the processor's version, such as {@code 0.1.0}
 * @param issues the address of the project's issue tracker
 */
record ProcessorBuild(String version, String issues) {

  private static final String RESOURCE = "build.properties";

  /** The build of the processor that runs, read from its jar. */
  static ProcessorBuild current() {
    Properties properties = new Properties();
    try (InputStream in = ProcessorBuild.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing beside " + ProcessorBuild.class);
      }
      properties.load(in);
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
    return new ProcessorBuild(properties.getProperty("version"), properties.getProperty("issues"));
  }
}
