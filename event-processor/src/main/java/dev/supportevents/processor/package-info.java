/**
 * The annotation processor that writes each package's typed event catalog. One public class, the
 * rest package-private and split by role, each role with its main class:
 *
 * <dl>
 *   <dt>Entry point
 *   <dd>{@link dev.supportevents.processor.SupportEventProcessor} runs the rounds: it asks the
 *       reader for the round's catalogs, prints every error found, then writes the clean catalogs;
 *       {@link dev.supportevents.processor.OutputOptions} are its {@code -A} options.
 *   <dt>Reading
 *   <dd>{@link dev.supportevents.processor.CatalogReader} reads a package's records and
 *       {@code @SupportEventCatalog}, from sources and class files, and defers a package whose
 *       types do not resolve yet to a later round. It reads each record with {@link
 *       dev.supportevents.processor.EventReader}, a sealed union with {@link
 *       dev.supportevents.processor.UnionReader}, the catalogs a package extends from their
 *       {@code @SupportEventIndex} with {@link dev.supportevents.processor.ExtendedCatalogReader},
 *       and the components of every record with {@link dev.supportevents.processor.RecordShapes}.
 *   <dt>Model
 *   <dd>{@link dev.supportevents.processor.Catalog}, the events of one package as {@link
 *       dev.supportevents.processor.EventModel}s; how its generated types are laid out in class
 *       files is {@link dev.supportevents.processor.CatalogLayout}'s, within {@link
 *       dev.supportevents.processor.LayoutLimits}.
 *   <dt>Validation
 *   <dd>A {@link dev.supportevents.processor.ValidationReport} about each element checked, filled
 *       by the readers and by {@link dev.supportevents.processor.CatalogValidator}, which checks
 *       the rules of a whole catalog; nothing is written for a package whose report is not clean.
 *   <dt>Writers
 *   <dd>One {@code *Writer} per generated type, turning the model into JavaPoet: {@link
 *       dev.supportevents.processor.EventTypeWriter}, {@link
 *       dev.supportevents.processor.CallbacksWriter}, {@link
 *       dev.supportevents.processor.EmitterWriter}, {@link dev.supportevents.processor.HubWriter}
 *       (with the hub's subscriptions, state, builder and publishers), {@link
 *       dev.supportevents.processor.RecorderWriter}; and the resources: {@link
 *       dev.supportevents.processor.TrackingPlanWriter} and {@link
 *       dev.supportevents.processor.TypeScriptWriter}, from a {@link
 *       dev.supportevents.processor.WireCatalog}. {@link dev.supportevents.processor.GeneratedCode}
 *       holds what every generated file shares.
 *   <dt>Messages
 *   <dd>{@link dev.supportevents.processor.Message}: every diagnostic's text and stable id, with
 *       named placeholders.
 * </dl>
 *
 * <p>JavaPoet is shaded into the processor's jar; JSpecify's annotations are needed only to compile
 * it.
 */
@NullMarked
package dev.supportevents.processor;

import org.jspecify.annotations.NullMarked;
