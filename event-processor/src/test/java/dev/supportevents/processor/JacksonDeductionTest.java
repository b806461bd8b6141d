package dev.supportevents.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What docs/tracking-plan.md says of parts without a type id: Jackson writes none, and its
 * deduction cannot read back a part whose properties another part has too.
 */
class JacksonDeductionTest {

  @JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
  sealed interface Part permits FilePart, ImagePart {}

  record FilePart(String fileName, long sizeBytes) implements Part {}

  record ImagePart(String fileName, long sizeBytes, int width, int height) implements Part {}

  record Parts(List<Part> parts) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void writesNoTypeIdAndCannotDeduceAPartWhosePropertiesAnotherHas() {
    String json =
        JSON.writeValueAsString(
            new Parts(List.of(new FilePart("a.pdf", 1), new ImagePart("b.png", 2, 3, 4))));
    assertEquals(
        "{\"parts\":[{\"fileName\":\"a.pdf\",\"sizeBytes\":1},"
            + "{\"fileName\":\"b.png\",\"sizeBytes\":2,\"width\":3,\"height\":4}]}",
        json);

    InvalidTypeIdException failure =
        assertThrows(InvalidTypeIdException.class, () -> JSON.readValue(json, Parts.class));
    assertTrue(failure.getMessage().contains("Cannot deduce unique subtype"), failure::getMessage);
    assertTrue(failure.getMessage().contains("(2 candidates match)"), failure::getMessage);
  }
}
