/**
 * The widget's events between a Java server and a web page: {@link
 * dev.supportevents.example.web.WidgetServer} serves a widget page, streams every event of a hub to
 * the page as Server-Sent Events and emits into the hub the events the page posts, once the
 * tracking plan accepts them. {@link dev.supportevents.example.web.WebDemo} runs it.
 *
 * <p>Types are non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.supportevents.example.web;

import org.jspecify.annotations.NullMarked;
