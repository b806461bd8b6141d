package dev.supportevents.example;

import java.net.URI;
import java.util.Objects;

/**
 * A file or an image attached to a message.
 *
 * @param kind whether the widget shows it as an image or as a file to download
 * @param fileName the name the sender gave the file, such as {@code "invoice-0042.pdf"}
 * @param mediaType the media type, such as {@code "application/pdf"}
 * @param sizeBytes the size in bytes, zero or more
 * @param uri where the file can be fetched
 */
public record Attachment(Kind kind, String fileName, String mediaType, long sizeBytes, URI uri) {

  /** How the widget presents an attachment. */
  public enum Kind {
    /** Any file, shown as a download link. */
    FILE,
    /** A picture, shown inline. */
    IMAGE
  }

  /** Checks that every part is present and the size is not negative. */
  public Attachment {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(uri, "uri");
    if (sizeBytes < 0) {
      throw new IllegalArgumentException("sizeBytes is negative: " + sizeBytes);
    }
  }

  /**
   * A file shown as a download link.
   *
   * @param fileName the file's name
   * @param mediaType its media type
   * @param sizeBytes its size in bytes
   * @param uri where it can be fetched
   * @return a file attachment
   */
  public static Attachment file(String fileName, String mediaType, long sizeBytes, URI uri) {
    return new Attachment(Kind.FILE, fileName, mediaType, sizeBytes, uri);
  }

  /**
   * A picture shown inline.
   *
   * @param fileName the image's file name
   * @param mediaType its media type, such as {@code "image/png"}
   * @param sizeBytes its size in bytes
   * @param uri where it can be fetched
   * @return an image attachment
   */
  public static Attachment image(String fileName, String mediaType, long sizeBytes, URI uri) {
    return new Attachment(Kind.IMAGE, fileName, mediaType, sizeBytes, uri);
  }
}
