package dev.supportevents.example.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link of README.md, CONTRIBUTING.md, CHANGELOG.md and docs/ leads to a file of the
 * repository, and every {@code #anchor} to a heading (or an {@code <a id>}) of its page.
 */
class DocumentationLinksTest {

  @Test
  void everyRelativeLinkAndAnchorOfTheDocumentationResolves() {
    Path root = MarkdownPage.repositoryRoot();

    List<String> broken = brokenLinks(root, MarkdownPage.all(root));

    assertEquals(List.of(), broken, "broken links, as page:line (target) problem");
  }

  @Test
  void reportsAMissingFileAMissingAnchorAndALinkOutOfTheRepository(@TempDir Path root)
      throws IOException {
    Files.createDirectories(root.resolve("docs"));
    Files.writeString(
        root.resolve("README.md"),
        """
        # Support Events

        ## Quick start

        See [delivery](docs/delivery.md#order), [replay](docs/replay.md),
        [the start](#quick-start), [nowhere](#quick-stop) and [up](../outside.md).

        ```java
        // [not a link](nowhere.md) inside code
        ```
        """);
    Files.writeString(
        root.resolve("docs/delivery.md"),
        """
        # Delivery

        ## Order `first`
        <a id="SE001"></a>

        Back to [the README](../README.md#quick-start), [a message](#SE001), [here](#order-first).
        """);

    List<String> broken = brokenLinks(root, MarkdownPage.all(root));

    assertEquals(
        List.of(
            "README.md:5 (docs/delivery.md#order) no heading #order",
            "README.md:5 (docs/replay.md) no such file",
            "README.md:6 (#quick-stop) no heading #quick-stop",
            "README.md:6 (../outside.md) outside the repository"),
        broken);
  }

  @Test
  void derivesAnchorsAsGitHubDoes() {
    assertEquals(
        "catalogs-of-more-than-1792-events",
        MarkdownPage.slug("Catalogs of more than 1,792 events"));
    assertEquals("the-union-type", MarkdownPage.slug("The union type"));
    assertEquals(
        "delivery-overflow-and-failures", MarkdownPage.slug("Delivery: overflow, and failures"));
    assertEquals(
        "reactive-streams-flowpublisher", MarkdownPage.slug("Reactive streams: `Flow.Publisher`"));
    assertEquals("se001-the-wire-name", MarkdownPage.slug("SE001 [the wire name](x.md)"));
  }

  @Test
  void numbersRepeatedHeadings(@TempDir Path root) throws IOException {
    Files.writeString(root.resolve("page.md"), "# Results\n\n## Results\n\n### Results\n");

    Set<String> anchors = MarkdownPage.read(root, Path.of("page.md")).anchors();

    assertEquals(Set.of("results", "results-1", "results-2"), anchors);
  }

  /** Each broken link of {@code pages}, as {@code page:line (target) what is wrong}. */
  static List<String> brokenLinks(Path root, List<MarkdownPage> pages) {
    List<String> broken = new ArrayList<>();
    for (MarkdownPage page : pages) {
      for (MarkdownPage.Link link : page.links()) {
        String target = link.target();
        if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
          continue; // https:, mailto: ...
        }
        String where = page + ":" + link.line() + " (" + target + ") ";
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? "" : target.substring(hash + 1);
        Path destination =
            file.isEmpty()
                ? root.resolve(page.path())
                : root.resolve(page.path()).getParent().resolve(file).normalize();
        if (!destination.startsWith(root)) {
          broken.add(where + "outside the repository");
        } else if (!Files.exists(destination)) {
          broken.add(where + "no such file");
        } else if (!anchor.isEmpty()
            && destination.toString().endsWith(".md")
            && !MarkdownPage.read(root, root.relativize(destination)).anchors().contains(anchor)) {
          broken.add(where + "no heading #" + anchor);
        }
      }
    }
    return broken;
  }
}
