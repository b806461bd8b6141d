/**
 * The example widget's events wired to the Java SDKs that services reach for: Sentry for errors,
 * Segment, PostHog and Google Analytics 4 for product analytics, SLF4J for logs and Micrometer for
 * metrics; the sub-package {@code kafka} carries them to hubs on other machines.
 *
 * <p>Each integration is one small class that either implements {@link
 * dev.supportevents.example.SupportEventCallbacks}, to be given to a widget as its "props", or
 * subscribes to a {@link dev.supportevents.example.SupportEvents} hub and returns the {@link
 * dev.supportevents.runtime.Subscription}, which stops it when closed. The SDK client is passed in,
 * configured and closed by the application: an integration never creates, flushes or shuts down a
 * client of its own.
 *
 * <p>Each integration hands its events to the SDK's own queue and returns: nothing blocks on the
 * network on the thread that emits, and a failed upload is the SDK's to retry or log, never an
 * exception thrown into the widget.
 *
 * <p>Types are non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.supportevents.example.integrations;

import org.jspecify.annotations.NullMarked;
