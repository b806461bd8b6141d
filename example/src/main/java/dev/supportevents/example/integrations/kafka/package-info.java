/**
 * The widget's typed events across machines through Apache Kafka: {@link
 * dev.supportevents.example.integrations.kafka.KafkaEventForwarder} sends every event of a hub to a
 * topic, as the tracking plan describes it, and {@link
 * dev.supportevents.example.integrations.kafka.KafkaEventReceiver} emits each record of that topic
 * into a hub on another node, at least once and in order per conversation.
 *
 * <p>Types are non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.supportevents.example.integrations.kafka;

import org.jspecify.annotations.NullMarked;
