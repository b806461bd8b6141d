package dev.supportevents.example.bytecode;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Reflection of every kind the scanner must catch. Never run: {@link NoReflectionTest} only reads
 * its bytecode.
 */
final class ReflectiveLookup {

  private ReflectiveLookup() {}

  static Object instantiate(String className) throws ReflectiveOperationException {
    return Class.forName(className).getDeclaredConstructor().newInstance();
  }

  static Object readField(Object target) throws ReflectiveOperationException {
    return target.getClass().getField("value").get(target);
  }

  static Object describe(Object target) throws Throwable {
    MethodHandle toString =
        MethodHandles.lookup()
            .findVirtual(Object.class, "toString", MethodType.methodType(String.class));
    return toString.invoke(target);
  }

  static Optional<Runnable> firstService() {
    return ServiceLoader.load(Runnable.class).findFirst();
  }

  static Function<Class<?>, Method[]> methodLister() {
    return Class::getMethods;
  }
}
