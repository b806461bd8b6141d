package dev.supportevents.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/** Stands for another annotation processor: in its first round it generates the given sources. */
final class GeneratingProcessor extends AbstractProcessor {

  private final Map<String, String> sources;
  private boolean generated;

  /** @param sources the sources to generate, by qualified type name */
  GeneratingProcessor(Map<String, String> sources) {
    this.sources = sources;
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
}
