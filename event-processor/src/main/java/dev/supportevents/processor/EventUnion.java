package dev.supportevents.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.TypeElement;

/**
 * The sealed interface that a package declares, with {@code @SupportEvent}, as the type of all its
 * events: the records it permits are the catalog's events, and the generated API says this type
 * wherever it means "any event of this catalog".
 *
 * @param element the interface
 * @param className its name in generated code
 * @param warnings the lint warnings that naming it raises, such as {@code deprecation}
 * @param groups the sealed interfaces it permits, directly or through another, each a group of the
 *     events it permits, which a listener subscribes to by the interface's class
 */
record EventUnion(
    TypeElement element, ClassName className, Set<String> warnings, List<TypeElement> groups) {}
