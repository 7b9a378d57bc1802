package io.opsstack.all;

import groovy.lang.GroovyShell;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

/**
 * Groovy 4 with only the shaded jar and Groovy itself on its class path (no test class path), as a
 * script or a Jenkins agent would have it. Used through reflection, since its classes live in that loader.
 */
final class GroovyRunner implements AutoCloseable {
    /** Jenkins imports this annotation for shared libraries; outside Jenkins a stand-in must exist. */
    private static final String NON_CPS = "package com.cloudbees.groovy.cps\n"
            + "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)\n"
            + "@interface NonCPS {}\n";

    private final URLClassLoader loader;
    private final Object shell;

    GroovyRunner(Map<String, Object> variables) throws Exception {
        Path groovyJar = Paths.get(GroovyShell.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        loader = new URLClassLoader(new URL[] {JarProcess.jar().toUri().toURL(), groovyJar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
        Class<?> bindingType = loader.loadClass("groovy.lang.Binding");
        Object binding = bindingType.getConstructor(Map.class).newInstance(new java.util.LinkedHashMap<>(variables));
        Class<?> shellType = loader.loadClass("groovy.lang.GroovyShell");
        shell = shellType.getConstructor(ClassLoader.class, bindingType).newInstance(loader, binding);
        Object groovyLoader = shellType.getMethod("getClassLoader").invoke(shell);
        groovyLoader.getClass().getMethod("parseClass", String.class).invoke(groovyLoader, NON_CPS);
    }

    /** Runs a script file and returns what it returned. */
    Object evaluate(Path script) throws Exception {
        return call(shell, "evaluate", new Class<?>[] {File.class}, script.toFile());
    }

    /** Compiles a script file (e.g. a shared-library step) without running its body. */
    Object parse(Path script) throws Exception {
        return call(shell, "parse", new Class<?>[] {File.class}, script.toFile());
    }

    /** Calls a method of a parsed script, as a pipeline calls {@code step.method(args)}. */
    static Object invoke(Object script, String method, Object... args) throws Exception {
        return call(script, "invokeMethod", new Class<?>[] {String.class, Object.class}, method, args);
    }

    private static Object call(Object target, String name, Class<?>[] types, Object... args) throws Exception {
        Method method = target.getClass().getMethod(name, types);
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        loader.close();
    }
}
