package dev.supportevents.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.supportevents.annotations.SupportEvent;
import dev.supportevents.annotations.SupportEventCatalog;
import dev.supportevents.annotations.SupportEventIndex;
import org.junit.jupiter.api.Test;

/**
 * The processor names the annotations by string, so that its jar needs nothing beside it on the
 * processor path: the names must be those of the annotation types.
 */
class AnnotationNamesTest {

  @Test
  void namesTheAnnotationTypes() {
    assertEquals(SupportEvent.class.getCanonicalName(), SupportEventAnnotation.NAME);
    assertEquals(SupportEventCatalog.class.getCanonicalName(), CatalogAnnotation.NAME);
    assertEquals(SupportEventIndex.class.getCanonicalName(), CatalogAnnotation.INDEX_NAME);
  }
}
