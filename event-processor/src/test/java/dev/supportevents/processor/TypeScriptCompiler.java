package dev.supportevents.processor;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The real TypeScript compiler, run through Node: the version pinned in the project's {@code
 * package.json}, installed by {@code npm ci} (the Maven profile {@code typescript} runs it), found
 * through the system properties {@code typescript.compiler} and {@code node.executable}.
 */
final class TypeScriptCompiler {

  /** {@code file.ts(12,7): error TS2322: Type ...}, as tsc writes it with --pretty false. */
  private static final Pattern DIAGNOSTIC =
      Pattern.compile("^(.+)\\((\\d+),(\\d+)\\): error (TS\\d+): (.*)$");

  private static final long TIMEOUT_MINUTES = 5;

  private TypeScriptCompiler() {}

  /**
   * One error of tsc.
   *
   * @param file the file, relative to the project's directory
   * @param line its line, from 1
   * @param code such as {@code TS2322}
   * @param text the message with its elaboration, lines joined by line breaks
   */
  record Diagnostic(String file, int line, String code, String text) {}

  /**
   * Type-checks {@code files} of {@code directory} under {@code --strict}, without emitting
   * anything, the declaration files too.
   *
   * @return every error tsc reports, in its order
   */
  static List<Diagnostic> check(Path directory, List<String> files) {
    Path compiler =
        Path.of(
            System.getProperty(
                "typescript.compiler",
                Path.of(
                        System.getProperty("basedir", ""),
                        "..",
                        "node_modules",
                        "typescript",
                        "bin",
                        "tsc")
                    .toString()));
    if (!Files.isRegularFile(compiler)) {
      fail(
          "The TypeScript compiler is not at "
              + compiler
              + ": build with the profile"
              + " typescript (mvn -P typescript ... -am), whose first step is npm ci in the project's"
              + " root, or run npm ci there");
    }
    try {
      Files.writeString(directory.resolve("tsconfig.json"), tsconfig(files));
      Process tsc =
          new ProcessBuilder(
                  System.getProperty("node.executable", "node"),
                  compiler.toString(),
                  "--project",
                  "tsconfig.json",
                  "--pretty",
                  "false")
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .start();
      tsc.getOutputStream().close();
      String output = new String(tsc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!tsc.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        tsc.destroyForcibly();
        fail("tsc took more than " + TIMEOUT_MINUTES + " minutes");
      }
      List<Diagnostic> diagnostics = parse(output);
      if (tsc.exitValue() != 0 && diagnostics.isEmpty()) {
        fail(
            "tsc failed with exit code " + tsc.exitValue() + " and no error of a file:\n" + output);
      }
      return diagnostics;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run tsc in " + directory, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The project: strict, checking the declaration files too, for ES2022 without the DOM. */
  private static String tsconfig(List<String> files) {
    return """
        {
          "compilerOptions": {
            "strict": true,
            "noEmit": true,
            "skipLibCheck": false,
            "target": "es2022",
            "lib": ["es2022"],
            "module": "esnext",
            "moduleResolution": "bundler",
            "types": []
          },
          "files": [%s]
        }
        """
        .formatted(files.stream().map(Json::quote).collect(Collectors.joining(", ")));
  }

  private static List<Diagnostic> parse(String output) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    String file = null;
    int line = 0;
    String code = null;
    StringBuilder text = new StringBuilder();
    for (String outputLine : output.split("\\R")) {
      Matcher start = DIAGNOSTIC.matcher(outputLine);
      if (start.matches()) {
        if (file != null) {
          diagnostics.add(new Diagnostic(file, line, code, text.toString()));
        }
        file = start.group(1);
        line = Integer.parseInt(start.group(2));
        code = start.group(4);
        text = new StringBuilder(start.group(5));
      } else if (file != null && outputLine.startsWith(" ")) {
        text.append('\n').append(outputLine.strip());
      }
    }
    if (file != null) {
      diagnostics.add(new Diagnostic(file, line, code, text.toString()));
    }
    return diagnostics;
  }
}
