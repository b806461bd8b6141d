package dev.supportevents.runtime;

/** What a hub does when a listener throws. Either way, every other listener still runs. */
public enum FailurePolicy {

  /**
   * Each failure goes to the hub's {@link ListenerFailureHandler}, and emit returns normally. The
   * default: one broken analytics listener never breaks the widget.
   */
  REPORT,

  /**
   * After every listener of the event has run, and every event those listeners emitted, the emit
   * call throws the first failure, unchanged; any later failure goes to the failure handler. For
   * teams that want a broken listener to fail loudly, in tests for example.
   *
   * <p>Only listeners run by the emit call itself can fail it. A listener that runs on an executor,
   * the hub's or its subscription's, runs after emit has returned: its failure goes to the failure
   * handler, as does an executor's refusal and the failure of a replay.
   */
  PROPAGATE
}
