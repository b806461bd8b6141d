/**
 * A customer-support chat widget modelled with Support Events: the widget's five events, custom
 * events of its own, listeners that feed analytics and error tracking, and a runnable demo.
 *
 * <p>The annotation processor turns the records of this package's {@link
 * dev.supportevents.example.WidgetEvent} union into {@link
 * dev.supportevents.example.SupportEventType}, {@link
 * dev.supportevents.example.SupportEventCallbacks}, {@link
 * dev.supportevents.example.SupportEventEmitter} and the {@link
 * dev.supportevents.example.SupportEvents} hub. {@link dev.supportevents.example.SupportWidget}
 * emits them where a real widget would; {@link dev.supportevents.example.SupportWidgetDemo} plays
 * one conversation.
 *
 * <p>Types are non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.supportevents.example;

import org.jspecify.annotations.NullMarked;
