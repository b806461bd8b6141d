package dev.supportevents.example;

/** Placeholder. */
public final class SupportWidgetDemo {
  private SupportWidgetDemo() {}

  /** Runs. @param args none */
  public static void main(String[] args) {
    SupportEvents events = SupportEvents.create();
    events.subscribeAll((type, event) -> System.out.println(type.wireName() + " " + event));
    events.emitMessageSent("c-1", "hi");
  }
}
