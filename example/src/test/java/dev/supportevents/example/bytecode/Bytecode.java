package dev.supportevents.example.bytecode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Looks at the instructions of compiled classes: what they call, and whether anything reflective is
 * among it.
 *
 * <p>Lambdas, string concatenation and records compile to {@code invokedynamic} with a JDK
 * bootstrap built on method handles; those bootstraps are allowed, but the methods a lambda or
 * method reference points at are checked like any call.
 */
final class Bytecode {

  /** JDK bootstraps that only link lambdas, string concatenation and record methods. */
  private static final Set<String> ALLOWED_BOOTSTRAPS =
      Set.of(
          "java/lang/invoke/LambdaMetafactory",
          "java/lang/invoke/StringConcatFactory",
          "java/lang/runtime/ObjectMethods");

  private static final Set<String> FORBIDDEN_TYPES =
      Set.of(
          "java/lang/invoke/MethodHandles",
          "java/lang/invoke/MethodHandles$Lookup",
          "java/lang/invoke/MethodHandle");

  private Bytecode() {}

  /**
   * One reflective reference in a method.
   *
   * @param className the class, by internal name
   * @param method the method holding the instruction
   * @param reference what it references, such as {@code java/lang/Class.forName}
   */
  record Finding(String className, String method, String reference) {
    @Override
    public String toString() {
      return className + "." + method + " uses " + reference;
    }
  }

  /**
   * One method call or method reference.
   *
   * @param owner the class or interface the call names, by internal name
   * @param name the method's name
   * @param descriptor the method's descriptor
   */
  record Call(String owner, String name, String descriptor) {}

  /** Every reflective reference in the methods of a class. */
  static List<Finding> reflectiveReferences(byte[] classFile) {
    ClassReader reader = new ClassReader(classFile);
    List<Finding> findings = new ArrayList<>();
    reader.accept(
        new ClassVisitor(Opcodes.ASM9) {
          @Override
          public MethodVisitor visitMethod(
              int access, String method, String descriptor, String signature, String[] exceptions) {
            return new InstructionVisitor() {
              @Override
              void found(@Nullable String reference) {
                if (reference != null) {
                  findings.add(new Finding(reader.getClassName(), method, reference));
                }
              }
            };
          }
        },
        ClassReader.SKIP_FRAMES);
    return findings;
  }

  /** The methods a class calls or references, including through lambdas and method references. */
  static Set<Call> calls(byte[] classFile) {
    Set<Call> calls = new LinkedHashSet<>();
    new ClassReader(classFile)
        .accept(
            new ClassVisitor(Opcodes.ASM9) {
              @Override
              public MethodVisitor visitMethod(
                  int access,
                  String method,
                  String descriptor,
                  String signature,
                  String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                  @Override
                  public void visitMethodInsn(
                      int opcode,
                      String owner,
                      String name,
                      String callDescriptor,
                      boolean isInterface) {
                    calls.add(new Call(owner, name, callDescriptor));
                  }

                  @Override
                  public void visitInvokeDynamicInsn(
                      String name, String callDescriptor, Handle bootstrap, Object... arguments) {
                    for (Object argument : arguments) {
                      if (argument instanceof Handle handle) {
                        calls.add(new Call(handle.getOwner(), handle.getName(), handle.getDesc()));
                      }
                    }
                  }
                };
              }
            },
            ClassReader.SKIP_FRAMES);
    return calls;
  }

  /** The public methods a class declares, constructors and compiler-made methods left out. */
  static Set<Call> publicMethods(byte[] classFile) {
    ClassReader reader = new ClassReader(classFile);
    Set<Call> methods = new LinkedHashSet<>();
    reader.accept(
        new ClassVisitor(Opcodes.ASM9) {
          @Override
          public @Nullable MethodVisitor visitMethod(
              int access, String method, String descriptor, String signature, String[] exceptions) {
            boolean written = (access & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) == 0;
            if ((access & Opcodes.ACC_PUBLIC) != 0 && written && !method.startsWith("<")) {
              methods.add(new Call(reader.getClassName(), method, descriptor));
            }
            return null;
          }
        },
        ClassReader.SKIP_CODE);
    return methods;
  }

  /** The bootstrap classes of a class's {@code invokedynamic} instructions. */
  static Set<String> bootstraps(byte[] classFile) {
    Set<String> bootstraps = new LinkedHashSet<>();
    new ClassReader(classFile)
        .accept(
            new ClassVisitor(Opcodes.ASM9) {
              @Override
              public MethodVisitor visitMethod(
                  int access,
                  String method,
                  String descriptor,
                  String signature,
                  String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                  @Override
                  public void visitInvokeDynamicInsn(
                      String name, String callDescriptor, Handle bootstrap, Object... arguments) {
                    bootstraps.add(bootstrap.getOwner());
                  }
                };
              }
            },
            ClassReader.SKIP_FRAMES);
    return bootstraps;
  }

  /** The classes a class declares as nested in it: its nest members and member classes. */
  static Set<String> nestedClasses(byte[] classFile) {
    ClassReader reader = new ClassReader(classFile);
    String self = reader.getClassName();
    Set<String> nested = new LinkedHashSet<>();
    reader.accept(
        new ClassVisitor(Opcodes.ASM9) {
          @Override
          public void visitNestMember(String nestMember) {
            nested.add(nestMember);
          }

          @Override
          public void visitInnerClass(String name, String outerName, String innerName, int access) {
            if (name.startsWith(self + "$")) {
              nested.add(name);
            }
          }
        },
        ClassReader.SKIP_CODE);
    return nested;
  }

  /** Reports what each instruction references that counts as reflection. */
  private abstract static class InstructionVisitor extends MethodVisitor {

    InstructionVisitor() {
      super(Opcodes.ASM9);
    }

    abstract void found(@Nullable String reference);

    @Override
    public void visitMethodInsn(
        int opcode, String owner, String name, String descriptor, boolean isInterface) {
      found(forbiddenCall(owner, name));
      found(forbiddenInDescriptor(descriptor));
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
      found(forbiddenType(owner));
      found(forbiddenInDescriptor(descriptor));
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
      found(forbiddenInDescriptor(Type.getObjectType(type).getDescriptor()));
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
      found(forbiddenInDescriptor(descriptor));
    }

    @Override
    public void visitLdcInsn(Object value) {
      if (value instanceof Type type) {
        found(forbiddenInDescriptor(type.getDescriptor()));
      } else if (value instanceof Handle handle) {
        found("a method handle constant for " + handle.getOwner() + "." + handle.getName());
      } else if (value instanceof ConstantDynamic constant) {
        found(
            "the dynamic constant "
                + constant.getName()
                + " of "
                + constant.getBootstrapMethod().getOwner());
      }
    }

    @Override
    public void visitInvokeDynamicInsn(
        String name, String descriptor, Handle bootstrap, Object... arguments) {
      if (!ALLOWED_BOOTSTRAPS.contains(bootstrap.getOwner())) {
        found("the invokedynamic bootstrap " + bootstrap.getOwner() + "." + bootstrap.getName());
      }
      // What a lambda or method reference points at is a call like any other.
      for (Object argument : arguments) {
        if (argument instanceof Handle handle) {
          found(forbiddenCall(handle.getOwner(), handle.getName()));
          found(forbiddenInDescriptor(handle.getDesc()));
        }
      }
    }
  }

  private static @Nullable String forbiddenCall(String owner, String name) {
    String type = forbiddenType(owner);
    if (type != null) {
      return type;
    }
    boolean reflectiveClassMethod =
        name.equals("forName")
            || name.equals("newInstance")
            || name.startsWith("getMethod")
            || name.startsWith("getDeclared")
            || name.startsWith("getField")
            || name.startsWith("getConstructor");
    return owner.equals("java/lang/Class") && reflectiveClassMethod ? owner + "." + name : null;
  }

  private static @Nullable String forbiddenType(String internalName) {
    if (internalName.startsWith("java/lang/reflect/")
        || internalName.startsWith("java/util/ServiceLoader")
        || FORBIDDEN_TYPES.contains(internalName)) {
      return internalName;
    }
    return null;
  }

  /** The first forbidden type a field, method or type descriptor mentions. */
  private static @Nullable String forbiddenInDescriptor(String descriptor) {
    Type type = Type.getType(descriptor);
    if (type.getSort() == Type.METHOD) {
      for (Type argument : type.getArgumentTypes()) {
        String found = forbiddenInDescriptor(argument.getDescriptor());
        if (found != null) {
          return found;
        }
      }
      return forbiddenInDescriptor(type.getReturnType().getDescriptor());
    }
    if (type.getSort() == Type.ARRAY) {
      return forbiddenInDescriptor(type.getElementType().getDescriptor());
    }
    return type.getSort() == Type.OBJECT ? forbiddenType(type.getInternalName()) : null;
  }
}
