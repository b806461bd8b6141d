package dev.supportevents.example.bytecode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Reads {@code .class} files from the class path, from directories and from jars. */
final class ClassFiles {

  private ClassFiles() {}

  /** The bytes of a class on the test class path, by internal name ({@code a/b/C$D}). */
  static byte[] read(String internalName) {
    try (InputStream in = ClassFiles.class.getResourceAsStream("/" + internalName + ".class")) {
      if (in == null) {
        throw new IllegalArgumentException(internalName + ".class is not on the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code roots} and every class nested in them, transitively, read from the class path.
   *
   * @return bytes by internal name, sorted
   */
  static Map<String, byte[]> readWithNested(Iterable<String> roots) {
    Map<String, byte[]> classes = new TreeMap<>();
    Deque<String> pending = new ArrayDeque<>();
    roots.forEach(pending::add);
    while (!pending.isEmpty()) {
      String name = pending.poll();
      if (!classes.containsKey(name)) {
        byte[] bytes = read(name);
        classes.put(name, bytes);
        pending.addAll(Bytecode.nestedClasses(bytes));
      }
    }
    return classes;
  }

  /** The directory or jar a class was loaded from. */
  static Path locationOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate " + type, e);
    }
  }

  /**
   * The classes directly in one package of a class-path location: a directory of compiled classes
   * when the runtime is built together with the example, its jar otherwise.
   *
   * @param location a directory or a jar
   * @param packagePath the package as a path, such as {@code dev/supportevents/runtime}
   * @return bytes by internal name, sorted
   */
  static Map<String, byte[]> inPackage(Path location, String packagePath) {
    Map<String, byte[]> classes = new TreeMap<>();
    try {
      if (Files.isDirectory(location)) {
        try (Stream<Path> files = Files.list(location.resolve(packagePath))) {
          for (Path file : (Iterable<Path>) files::iterator) {
            String fileName = file.getFileName().toString();
            if (fileName.endsWith(".class")) {
              classes.put(packagePath + "/" + stripClass(fileName), Files.readAllBytes(file));
            }
          }
        }
      } else {
        try (JarFile jar = new JarFile(location.toFile())) {
          for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
            JarEntry entry = entries.nextElement();
            String name = entry.getName();
            boolean directlyInPackage =
                name.startsWith(packagePath + "/")
                    && name.indexOf('/', packagePath.length() + 1) < 0;
            if (directlyInPackage && name.endsWith(".class")) {
              try (InputStream in = jar.getInputStream(entry)) {
                classes.put(stripClass(name), in.readAllBytes());
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return classes;
  }

  /** Every class under a class-path directory, such as the test classes. */
  static Map<String, byte[]> underDirectory(Path directory) {
    Map<String, byte[]> classes = new TreeMap<>();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (file.toString().endsWith(".class")) {
          String relative = directory.relativize(file).toString().replace('\\', '/');
          classes.put(stripClass(relative), Files.readAllBytes(file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return classes;
  }

  private static String stripClass(String fileName) {
    return fileName.substring(0, fileName.length() - ".class".length());
  }
}
