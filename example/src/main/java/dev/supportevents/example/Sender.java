package dev.supportevents.example;

import java.util.Objects;

/**
 * Who wrote a message: the visitor, a human agent, or an AI agent.
 *
 * @param role which side of the conversation the sender is on
 * @param id the sender's id, such as the visitor's or the agent's
 * @param displayName the name the widget shows beside the message
 */
public record Sender(Role role, String id, String displayName) {

  /** The kinds of sender a support conversation has. */
  public enum Role {
    /** The person on the website who opened the widget. */
    VISITOR,
    /** A person of the support team. */
    HUMAN_AGENT,
    /** An AI assistant answering for the support team. */
    AI_AGENT
  }

  /** Checks that every part is present. */
  public Sender {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
  }

  /**
   * The visitor of the website.
   *
   * @param id the visitor's id
   * @param displayName the visitor's name as shown in the conversation
   * @return a visitor sender
   */
  public static Sender visitor(String id, String displayName) {
    return new Sender(Role.VISITOR, id, displayName);
  }

  /**
   * A person of the support team.
   *
   * @param id the agent's id
   * @param displayName the agent's name as shown to the visitor
   * @return a human agent sender
   */
  public static Sender humanAgent(String id, String displayName) {
    return new Sender(Role.HUMAN_AGENT, id, displayName);
  }

  /**
   * An AI assistant of the support team.
   *
   * @param id the assistant's id
   * @param displayName the assistant's name as shown to the visitor
   * @return an AI agent sender
   */
  public static Sender aiAgent(String id, String displayName) {
    return new Sender(Role.AI_AGENT, id, displayName);
  }

  /**
   * Tells whether the sender answers for the support team, human or AI.
   *
   * @return {@code true} for human and AI agents, {@code false} for the visitor
   */
  public boolean isAgent() {
    return role != Role.VISITOR;
  }
}
