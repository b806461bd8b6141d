package dev.supportevents.example.integrations;

import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.AccessorNamingStrategy;
import tools.jackson.databind.introspect.AnnotatedClass;
import tools.jackson.databind.introspect.AnnotatedMethod;
import tools.jackson.databind.introspect.DefaultAccessorNamingStrategy;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jackson set up to write events as the tracking plan and the TypeScript declarations describe
 * them: a record is an object of its components and nothing else, at every level.
 *
 * <p>By default Jackson also takes a record's {@code isX()} and {@code getX()} methods for
 * properties: {@code Sender.isAgent()} would add {@code "agent": false}, which the plan rejects,
 * and a {@code getName()} beside a component {@code name} would be written instead of the
 * component. Here a record's properties are its components, read through their accessors.
 * Everything else (enums, URIs, instants, collections) stays as Jackson writes it by default.
 */
public final class WireJson {

  private WireJson() {}

  /**
   * A mapper builder that writes records as their components only; add the modules an application
   * needs, such as a serializer of {@code Throwable}, and build.
   *
   * @return a new builder
   */
  public static JsonMapper.Builder builder() {
    return JsonMapper.builder().accessorNaming(new ComponentsOnly());
  }

  /** The default naming of accessors, but for records only their components' accessors. */
  private static final class ComponentsOnly extends DefaultAccessorNamingStrategy.Provider {

    private static final long serialVersionUID = 1L;

    @Override
    public AccessorNamingStrategy forRecord(MapperConfig<?> config, AnnotatedClass recordClass) {
      return new DefaultAccessorNamingStrategy.RecordNaming(config, recordClass) {
        @Override
        public String findNameForRegularGetter(AnnotatedMethod method, String name) {
          return _fieldNames.contains(name) ? name : null;
        }

        @Override
        public String findNameForIsGetter(AnnotatedMethod method, String name) {
          return null;
        }
      };
    }
  }
}
