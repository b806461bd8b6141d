/**
 * For generated code only, not API: the listener lists and the delivery that generated
 * {@code SupportEvents} hubs call. Nothing here keeps its name or signature from one release to
 * the next; applications use the generated hub and {@link dev.supportevents.runtime}.
 */
package dev.supportevents.runtime.internal;
