/**
 * The runtime of Support Events: {@link dev.supportevents.runtime.Subscription} and the failure
 * reports and policies of a hub. Generated hubs also call {@code
 * dev.supportevents.runtime.internal}, which is for generated code only, not API.
 */
module dev.supportevents.runtime {
  exports dev.supportevents.runtime;
  exports dev.supportevents.runtime.internal;
}
