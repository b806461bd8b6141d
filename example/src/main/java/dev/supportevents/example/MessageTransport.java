package dev.supportevents.example;

/**
 * Carries the visitor's messages to the support team, for example over HTTP. The widget calls it
 * before it reports a message as sent; a transport that throws makes the send fail.
 */
@FunctionalInterface
public interface MessageTransport {

  /**
   * Delivers {@code message} to the support team.
   *
   * @param message the visitor's message
   * @throws Exception if the message could not be delivered
   */
  void deliver(Message message) throws Exception;
}
