package dev.supportevents.processor;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.tools.Diagnostic;

/**
 * What the processor writes besides a catalog's types, as the {@code -A} options of the compilation
 * ask: {@code -Asupportevents.recorder=false} leaves out {@code SupportEventRecorder}, {@code
 * -Asupportevents.trackingPlan=false} the tracking plan, {@code -Asupportevents.typeScript=false}
 * the TypeScript declarations. All are written by default.
 *
 * @param recorder whether to write {@code SupportEventRecorder}
 * @param trackingPlan whether to write {@code META-INF/support-events/<package>.schema.json}
 * @param typeScript whether to write {@code META-INF/support-events/<package>.d.ts}
 */
record OutputOptions(boolean recorder, boolean trackingPlan, boolean typeScript) {

  static final String RECORDER = "supportevents.recorder";
  static final String TRACKING_PLAN = "supportevents.trackingPlan";
  static final String TYPE_SCRIPT = "supportevents.typeScript";
  static final Set<String> NAMES = Set.of(RECORDER, TRACKING_PLAN, TYPE_SCRIPT);

  /** Everything, the default. */
  static final OutputOptions ALL = new OutputOptions(true, true, true);

  /** The options in {@code options}; a value other than true or false is an error, and true. */
  static OutputOptions read(Map<String, String> options, Messager messager) {
    return new OutputOptions(
        flag(options, RECORDER, "recorder SupportEventRecorder", messager),
        flag(options, TRACKING_PLAN, "tracking plan of each package", messager),
        flag(options, TYPE_SCRIPT, "TypeScript declarations of each package", messager));
  }

  private static boolean flag(
      Map<String, String> options, String name, String what, Messager messager) {
    String value = options.get(name);
    if (value == null || value.isEmpty()) {
      return true;
    }
    switch (value.toLowerCase(Locale.ROOT)) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        messager.printMessage(
            Diagnostic.Kind.ERROR,
            Message.INVALID_OPTION.format(
                Map.of(
                    "option", name,
                    "value", value,
                    "output", what)));
        return true;
    }
  }
}
