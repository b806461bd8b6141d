package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The names of types in the TypeScript declarations, where Java's simple names meet. */
class TypeScriptNamesTest {

  @Test
  void aNameOfItsOwnIsTheSimpleName() {
    assertThat(TypeScriptNames.of(List.of("com.acme.Message", "com.acme.Message.Sender")))
        .containsExactly("com.acme.Message", "Message", "com.acme.Message.Sender", "Sender");
  }

  /** The enclosing type's name first, then the package's names, until the name is its own. */
  @Test
  void equalSimpleNamesTakeTheNamesOfWhatEnclosesThemUntilTheyDiffer() {
    assertThat(
            TypeScriptNames.of(
                List.of(
                    "com.acme.Part.Text",
                    "com.acme.Block.Text",
                    "com.acme.a.Item",
                    "com.acme.b.Item",
                    "org.acme.Part.Text")))
        .containsExactly(
            "com.acme.Part.Text", "com_acme_Part_Text",
            "org.acme.Part.Text", "org_acme_Part_Text",
            "com.acme.Block.Text", "Block_Text",
            "com.acme.a.Item", "a_Item",
            "com.acme.b.Item", "b_Item");
  }

  @Test
  void theDeclarationsOwnNamesAndTypeScriptsWordsAreTaken() {
    assertThat(
            TypeScriptNames.of(
                List.of(
                    "com.acme.SupportEvent",
                    "com.acme.SupportEventType",
                    "com.acme.SupportEventCallbacks",
                    "com.acme.Shape.Record",
                    "com.acme.Codes.string",
                    "com.acme.Codes.delete",
                    "SupportEvent")))
        .containsExactly(
            "com.acme.SupportEvent", "acme_SupportEvent",
            "com.acme.SupportEventType", "acme_SupportEventType",
            "com.acme.SupportEventCallbacks", "acme_SupportEventCallbacks",
            "com.acme.Shape.Record", "Shape_Record",
            "com.acme.Codes.string", "Codes_string",
            "com.acme.Codes.delete", "Codes_delete",
            "SupportEvent", "SupportEvent_2");
  }

  /** A name that is another type's longer name is taken too: {@code a_b.C} and {@code a.b_C}. */
  @Test
  void wholeNamesThatStillMeetAreNumberedInTheOrderOfTheirCanonicalNames() {
    Map<String, String> names =
        TypeScriptNames.of(List.of("x.a_b.C", "x.a.b_C", "y.a_b.C", "y.a.b_C", "b_C"));

    assertThat(names)
        .containsExactly(
            "b_C", "b_C",
            "x.a.b_C", "x_a_b_C",
            "x.a_b.C", "x_a_b_C_2",
            "y.a.b_C", "y_a_b_C",
            "y.a_b.C", "y_a_b_C_2");
  }

  @Test
  void writesWhatANameCannotHoldAsAnUnderscore() {
    assertThat(TypeScriptNames.of(List.of("com.acme.Price€", "com.acme.Café")))
        .containsExactly("com.acme.Price€", "Price_", "com.acme.Café", "Café");
  }

  @Test
  void quotesAMemberThatIsNoPlainName() {
    assertThat(TypeScriptNames.member("conversationId")).isEqualTo("conversationId");
    assertThat(TypeScriptNames.member("$ref")).isEqualTo("$ref");
    assertThat(TypeScriptNames.member("delete")).isEqualTo("delete");
    assertThat(TypeScriptNames.member("café")).isEqualTo("\"café\"");
    assertThat(TypeScriptNames.member("on€uro")).isEqualTo("\"on€uro\"");
  }

  @Test
  void namesCatalogTypeScriptDeclarationsMatchGolden() {
    Compilation names =
        TestCompiler.compile(List.of(new SupportEventProcessor()), NamesCatalog.sources());
    assertThat(names).succeededWithoutWarnings();
    GoldenFiles.check(
        NamesCatalog.DECLARATIONS, TrackingPlans.typeScriptOf(names, NamesCatalog.PACKAGE));
  }
}
