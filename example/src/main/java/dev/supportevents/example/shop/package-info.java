/**
 * An online shop that embeds the support widget and adds events of its own, with one typed API over
 * both: its catalog extends the widget's.
 *
 * <p>{@code @SupportEventCatalog(extend = ...)} names the widget's generated {@link
 * dev.supportevents.example.SupportEventType}, so the processor writes into this package a catalog
 * that holds the widget's events and the shop's: {@link
 * dev.supportevents.example.shop.SupportEvents} subscribes to and emits both. The widget's own
 * catalog is unchanged. {@link dev.supportevents.example.shop.ShopSupport} forwards a widget's
 * events into the shop's hub.
 *
 * <p>Types are non-null unless marked {@code @Nullable}.
 */
@NullMarked
@SupportEventCatalog(extend = dev.supportevents.example.SupportEventType.class)
package dev.supportevents.example.shop;

import dev.supportevents.annotations.SupportEventCatalog;
import org.jspecify.annotations.NullMarked;
