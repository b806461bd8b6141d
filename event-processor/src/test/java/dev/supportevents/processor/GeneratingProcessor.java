package dev.supportevents.processor;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.StandardLocation;

/**
 * Stands for another annotation processor: in its first round it generates the given sources, and
 * the given resources of the class output.
 */
final class GeneratingProcessor extends AbstractProcessor {

  private final Map<String, String> sources;
  private final Map<String, String> resources;
  private boolean generated;

  /**
   * @param sources the sources to generate, by qualified type name
   */
  GeneratingProcessor(Map<String, String> sources) {
    this(sources, Map.of());
  }

  /**
   * @param sources the sources to generate, by qualified type name
   * @param resources the resources to write, by path in the class output
   */
  GeneratingProcessor(Map<String, String> sources, Map<String, String> resources) {
    this.sources = sources;
    this.resources = resources;
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (!generated) {
      generated = true;
      sources.forEach(this::generate);
      resources.forEach(this::write);
    }
    return false;
  }

  private void generate(String name, String text) {
    try (Writer writer = processingEnv.getFiler().createSourceFile(name).openWriter()) {
      writer.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(String path, String text) {
    try (OutputStream out =
        processingEnv
            .getFiler()
            .createResource(StandardLocation.CLASS_OUTPUT, "", path)
            .openOutputStream()) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
