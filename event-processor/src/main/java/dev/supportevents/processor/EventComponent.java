package dev.supportevents.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * One component of an event record: a parameter of its emit method.
 *
 * @param name the component's name
 * @param type its type, with its type-use annotations
 * @param nullable whether it carries an annotation named {@code Nullable}
 * @param declarationAnnotations the declaration annotations named {@code Nullable} that the
 *     canonical constructor's parameter has and its type does not, for the emit parameter
 */
record EventComponent(
    String name, TypeName type, boolean nullable, List<AnnotationSpec> declarationAnnotations) {}
