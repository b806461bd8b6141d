package dev.supportevents.runtime;

/** What a hub does when a listener throws. Either way, every other listener still runs. */
public enum FailurePolicy {

  /**
   * Each failure goes to the hub's {@link ListenerFailureHandler}, and emit returns normally. The
   * default: one broken analytics listener never breaks the widget.
   */
  REPORT,

  /**
   * After every listener of the event has run, the emit call throws the first failure, with the
   * later ones attached as {@linkplain Throwable#getSuppressed() suppressed}; the failure handler
   * is not called. For teams that want a broken listener to fail loudly, in tests for example.
   *
   * <p>A failure of a listener that runs on an executor of its own cannot reach the emit call; it
   * goes to the failure handler. With a hub executor, the failure is thrown from the delivery
   * task, to that executor.
   */
  PROPAGATE
}
