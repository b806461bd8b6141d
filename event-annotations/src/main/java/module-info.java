/**
 * The annotations of Support Events: {@link dev.supportevents.annotations.SupportEvent} on the
 * records of a catalog, {@link dev.supportevents.annotations.SupportEventCatalog} to extend
 * another. They are kept in class files only, so a module that declares events needs this one to
 * compile alone: {@code requires static dev.supportevents.annotations;}.
 */
module dev.supportevents.annotations {
  exports dev.supportevents.annotations;
}
