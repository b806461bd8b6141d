package dev.supportevents.example.integrations.kafka;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The tracking plan of one catalog, read from the class path where the processor wrote it, that
 * tells whether a message is one of its events.
 */
final class TrackingPlan {

  private static final int REPORTED_ERRORS = 3;

  /** Draft 2020-12, knowing the plan's own annotation, which the validator would warn about. */
  private static final Dialect DIALECT =
      Dialect.builder(Dialects.getDraft202012())
          .keyword(new NonValidationKeyword("x-java-class"))
          .build();

  private final String catalog;
  private final Schema schema;

  private TrackingPlan(String catalog, Schema schema) {
    this.catalog = catalog;
    this.schema = schema;
  }

  /**
   * The plan of the catalog {@code catalog}: {@code META-INF/support-events/<catalog>.schema.json}.
   *
   * @throws IllegalStateException if the class path has no such plan
   */
  static TrackingPlan of(String catalog) {
    String resource = "/META-INF/support-events/" + catalog + ".schema.json";
    try (InputStream in = TrackingPlan.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "The tracking plan of "
                + catalog
                + " is not on the class"
                + " path at "
                + resource
                + "; the Support Events processor writes it there");
      }
      JsonNode plan = EventJson.parse(in.readAllBytes());
      return new TrackingPlan(catalog, SchemaRegistry.withDefaultDialect(DIALECT).getSchema(plan));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }

  /**
   * What makes {@code message} no event of this plan: the first few errors of the validator.
   *
   * @return the errors, or an empty list if the message is one of the plan's events
   */
  List<String> violations(JsonNode message) {
    List<Error> errors = schema.validate(message);
    return errors.stream().limit(REPORTED_ERRORS).map(Error::toString).toList();
  }

  /** The catalog whose events this plan describes, such as {@code dev.supportevents.example}. */
  String catalog() {
    return catalog;
  }
}
