package dev.supportevents.example.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Records are written as their components, whatever other methods they have. */
class WireJsonTest {

  /** A record with methods that Jackson's default naming takes for properties. */
  record Label(String name, boolean pinned) {

    public String getName() {
      return name.toUpperCase(java.util.Locale.ROOT);
    }

    public boolean isEmpty() {
      return name.isEmpty();
    }

    public String getDisplay() {
      return name + (pinned ? " *" : "");
    }
  }

  record Board(String id, List<Label> labels) {}

  private static final Board BOARD = new Board("b-1", List.of(new Label("urgent", true)));

  @Test
  void jacksonsDefaultsAddPropertiesAndReplaceAComponent() {
    assertEquals(
        "{\"id\":\"b-1\",\"labels\":[{\"name\":\"URGENT\",\"pinned\":true,"
            + "\"display\":\"urgent *\",\"empty\":false}]}",
        JsonMapper.builder().build().writeValueAsString(BOARD));
  }

  @Test
  void writesEachRecordAsItsComponentsAndReadsItBack() {
    JsonMapper json = WireJson.builder().build();

    String written = json.writeValueAsString(BOARD);

    assertEquals("{\"id\":\"b-1\",\"labels\":[{\"name\":\"urgent\",\"pinned\":true}]}", written);
    assertEquals(BOARD, json.readValue(written, Board.class));
  }
}
