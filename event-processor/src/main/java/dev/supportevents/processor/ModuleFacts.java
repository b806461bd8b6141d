package dev.supportevents.processor;

import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * What the module of a catalog's package allows its generated code, read with the catalog; whether
 * it reads the runtime is {@link RuntimeAccess}'s.
 */
final class ModuleFacts {

  private ModuleFacts() {}

  /**
   * Whether code in {@code packageElement} can use {@code @Generated}: always on the class path; in
   * a named module, only if it requires {@code java.compiler}.
   */
  static boolean canMarkGenerated(Elements elements, PackageElement packageElement) {
    ModuleElement module = elements.getModuleOf(packageElement);
    if (module == null || module.isUnnamed()) {
      return elements.getTypeElement(GeneratedCode.GENERATED.canonicalName()) != null;
    }
    return ElementFilter.requiresIn(module.getDirectives()).stream()
        .anyMatch(
            requires -> requires.getDependency().getQualifiedName().contentEquals("java.compiler"));
  }

  /** Whether {@code packageElement} belongs to a named module. */
  static boolean inNamedModule(Elements elements, PackageElement packageElement) {
    ModuleElement module = elements.getModuleOf(packageElement);
    return module != null && !module.isUnnamed();
  }
}
