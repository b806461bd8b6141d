package dev.supportevents.processor;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.QualifiedNameable;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;

/**
 * Runs a processor as javac would, and records what it hands the {@link Filer} (each source file's
 * name and originating elements) and what its {@code process} returns.
 */
final class RecordingProcessor implements Processor {

  private final Processor delegate;
  private final Map<String, List<String>> originsBySource = new TreeMap<>();
  private final Map<String, List<String>> originsByResource = new TreeMap<>();
  private final List<Boolean> processResults = new ArrayList<>();

  RecordingProcessor(Processor delegate) {
    this.delegate = delegate;
  }

  /** The created source files, by qualified name, each with its originating elements' names. */
  Map<String, List<String>> originsBySource() {
    return originsBySource;
  }

  /** The created resources, by relative name, each with its originating elements' names. */
  Map<String, List<String>> originsByResource() {
    return originsByResource;
  }

  /** What each call of {@code process} returned. */
  List<Boolean> processResults() {
    return processResults;
  }

  @Override
  public void init(ProcessingEnvironment environment) {
    Filer filer = new RecordingFiler(environment.getFiler());
    delegate.init(
        (ProcessingEnvironment)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ProcessingEnvironment.class},
                (proxy, method, arguments) ->
                    method.getName().equals("getFiler")
                        ? filer
                        : method.invoke(environment, arguments)));
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    boolean result = delegate.process(annotations, round);
    processResults.add(result);
    return result;
  }

  @Override
  public Set<String> getSupportedOptions() {
    return delegate.getSupportedOptions();
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return delegate.getSupportedAnnotationTypes();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return delegate.getSupportedSourceVersion();
  }

  @Override
  public Iterable<? extends Completion> getCompletions(
      Element element, AnnotationMirror annotation, ExecutableElement member, String userText) {
    return delegate.getCompletions(element, annotation, member, userText);
  }

  /** Types and packages by qualified name: a package-info's package is an origin too. */
  private static List<String> names(Element... elements) {
    List<String> names = new ArrayList<>();
    for (Element element : elements) {
      names.add(((QualifiedNameable) element).getQualifiedName().toString());
    }
    return names;
  }

  private final class RecordingFiler implements Filer {

    private final Filer filer;

    RecordingFiler(Filer filer) {
      this.filer = filer;
    }

    @Override
    public JavaFileObject createSourceFile(CharSequence name, Element... originatingElements)
        throws IOException {
      originsBySource.put(name.toString(), names(originatingElements));
      return filer.createSourceFile(name, originatingElements);
    }

    @Override
    public JavaFileObject createClassFile(CharSequence name, Element... originatingElements)
        throws IOException {
      throw new UnsupportedOperationException(
          "the processor writes sources and resources: " + name);
    }

    @Override
    public FileObject createResource(
        JavaFileManager.Location location,
        CharSequence moduleAndPkg,
        CharSequence relativeName,
        Element... originatingElements)
        throws IOException {
      originsByResource.put(relativeName.toString(), names(originatingElements));
      return filer.createResource(location, moduleAndPkg, relativeName, originatingElements);
    }

    @Override
    public FileObject getResource(
        JavaFileManager.Location location, CharSequence moduleAndPkg, CharSequence relativeName)
        throws IOException {
      return filer.getResource(location, moduleAndPkg, relativeName);
    }
  }
}
