/**
 * Supported test kit: a child JVM running a main class on the test's own classpath, whose output a
 * test can wait for line by line and which it can kill with SIGKILL at a chosen moment, to prove what
 * a crash of the applying process leaves behind and that a new process resumes from it.
 *
 * <p>Parameters and return values are non-null unless documented. {@link io.opsstack.testkit.jvm.ChildJvm}
 * is thread-safe; its builder is not.
 */
package io.opsstack.testkit.jvm;
