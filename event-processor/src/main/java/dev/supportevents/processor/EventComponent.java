package dev.supportevents.processor;

import com.palantir.javapoet.TypeName;

/**
 * One component of an event record: a parameter of its emit method.
 *
 * @param name the component's name
 * @param type its type, with its type-use annotations
 * @param nullable whether it carries an annotation named {@code Nullable}
 */
record EventComponent(String name, TypeName type, boolean nullable) {}
