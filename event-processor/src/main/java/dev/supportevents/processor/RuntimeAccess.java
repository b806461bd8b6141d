package dev.supportevents.processor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Whether generated code can use the runtime, checked before anything is written: without it, every
 * generated file fails to compile, in errors that do not say what is missing.
 */
final class RuntimeAccess {

  /** The runtime's module, and the package of its public types. */
  static final String RUNTIME_MODULE = "dev.supportevents.runtime";

  /** What a build adds to get the runtime. */
  static final String RUNTIME_ARTIFACT = "dev.supportevents:event-runtime";

  /** What the generated code can see of the runtime from one package. */
  enum Status {
    /** The runtime's types are there, and the package's module reads them. */
    READABLE,
    /** The package is on the class path, and the runtime is not. */
    MISSING,
    /** The package's named module does not read the runtime. */
    NOT_READ
  }

  private RuntimeAccess() {}

  static Status of(Elements elements, PackageElement packageElement) {
    ModuleElement module = elements.getModuleOf(packageElement);
    if (module == null || module.isUnnamed()) {
      return elements.getTypeElement(GeneratedCode.SUBSCRIPTION.canonicalName()) == null
          ? Status.MISSING
          : Status.READABLE;
    }
    // A module that does not require the runtime leaves it out of the module graph: the fix is
    // the same whether or not it is on the module path.
    return reads(module, RUNTIME_MODULE) ? Status.READABLE : Status.NOT_READ;
  }

  /**
   * Whether the generated API of {@code packageElement} raises javac's {@code exports} lint warning
   * by naming the runtime's types: the package is exported by a named module that does not require
   * the runtime transitively, so a module that reads it may not read the runtime. The generated
   * code suppresses that warning: how the module requires the runtime is its author's choice, and a
   * module that reads it can require the runtime itself.
   */
  static boolean exportsRuntimeTypesWithoutTransitive(
      Elements elements, PackageElement packageElement) {
    ModuleElement module = elements.getModuleOf(packageElement);
    if (module == null || module.isUnnamed()) {
      return false;
    }
    boolean exported =
        ElementFilter.exportsIn(module.getDirectives()).stream()
            .anyMatch(exports -> exports.getPackage().equals(packageElement));
    return exported && !requiresTransitively(module, RUNTIME_MODULE);
  }

  /**
   * Whether {@code module} requires the module {@code name} transitively, itself or through modules
   * it requires transitively, as javac's {@code exports} lint checks it.
   */
  private static boolean requiresTransitively(ModuleElement module, String name) {
    Deque<ModuleElement> required = new ArrayDeque<>(List.of(module));
    Set<ModuleElement> seen = new HashSet<>();
    while (!required.isEmpty()) {
      ModuleElement current = required.remove();
      if (!seen.add(current)) {
        continue;
      }
      if (current.getQualifiedName().contentEquals(name)) {
        return true;
      }
      ElementFilter.requiresIn(current.getDirectives()).stream()
          .filter(ModuleElement.RequiresDirective::isTransitive)
          .forEach(requires -> required.add(requires.getDependency()));
    }
    return false;
  }

  /**
   * Whether {@code module} reads the module {@code name}: it requires it, or requires a module that
   * requires it transitively, and so on.
   */
  private static boolean reads(ModuleElement module, String name) {
    Deque<ModuleElement> required = new ArrayDeque<>();
    ElementFilter.requiresIn(module.getDirectives())
        .forEach(requires -> required.add(requires.getDependency()));
    Set<ModuleElement> seen = new HashSet<>();
    while (!required.isEmpty()) {
      ModuleElement dependency = required.remove();
      if (!seen.add(dependency)) {
        continue;
      }
      if (dependency.getQualifiedName().contentEquals(name)) {
        return true;
      }
      ElementFilter.requiresIn(dependency.getDirectives()).stream()
          .filter(ModuleElement.RequiresDirective::isTransitive)
          .forEach(requires -> required.add(requires.getDependency()));
    }
    return false;
  }
}
