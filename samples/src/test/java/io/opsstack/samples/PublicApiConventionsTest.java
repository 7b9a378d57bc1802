package io.opsstack.samples;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks the rules every public opsstack type follows, across all modules on this classpath:
 * no public static methods on interfaces (Groovy 2.4 in Jenkins cannot call them), and every public
 * record is {@link Serializable} (values cross Jenkins CPS checkpoints).
 */
class PublicApiConventionsTest {

    private static final String PREFIX = "io/opsstack/";

    @Test
    void publicTypesFollowTheConventions() {
        Set<String> classNames = opsstackClassNames();
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (String name : classNames) {
            Class<?> type = load(name);
            if (!isPublicApi(type)) {
                continue;
            }
            checked++;
            if (type.isInterface()) {
                for (Method method : type.getDeclaredMethods()) {
                    int modifiers = method.getModifiers();
                    if (Modifier.isStatic(modifiers) && Modifier.isPublic(modifiers) && !method.isSynthetic()) {
                        violations.add("interface " + name + " declares public static method " + method.getName()
                                + "(): move it to a final class");
                    }
                }
            }
            if (type.isRecord() && !Serializable.class.isAssignableFrom(type)) {
                violations.add("record " + name + " does not implement Serializable");
            }
        }
        assertTrue(classNames.contains("io.opsstack.api.plan.Plan"), "the scan must find the operation model");
        assertTrue(checked > 20, "only " + checked + " public types found; is the classpath scan broken?");
        if (!violations.isEmpty()) {
            fail(violations.size() + " public API convention violations:\n  " + String.join("\n  ", violations));
        }
    }

    private static boolean isPublicApi(Class<?> type) {
        if (type.getPackageName().contains(".internal") || type.isSynthetic() || type.isAnonymousClass()
                || type.isLocalClass()) {
            return false;
        }
        for (Class<?> current = type; current != null; current = current.getEnclosingClass()) {
            if (!Modifier.isPublic(current.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, PublicApiConventionsTest.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new AssertionError("cannot load " + name + ": " + e, e);
        }
    }

    /** Every class under io/opsstack in classpath directories and jars, following manifest Class-Path entries. */
    private static Set<String> opsstackClassNames() {
        Set<String> names = new TreeSet<>();
        Deque<Path> pending = new ArrayDeque<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                pending.add(Paths.get(entry).toAbsolutePath().normalize());
            }
        }
        while (!pending.isEmpty()) {
            Path entry = pending.removeFirst();
            if (!seen.add(entry) || !Files.exists(entry)) {
                continue;
            }
            if (Files.isDirectory(entry)) {
                scanDirectory(entry, names);
            } else if (entry.toString().endsWith(".jar")) {
                pending.addAll(scanJar(entry, names));
            }
        }
        return names;
    }

    private static void scanDirectory(Path root, Set<String> names) {
        Path base = root.resolve(PREFIX);
        if (!Files.isDirectory(base)) {
            return;
        }
        try (Stream<Path> files = Files.walk(base)) {
            files.map(file -> root.relativize(file).toString().replace(File.separatorChar, '/'))
                    .forEach(relative -> addClass(relative, names));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds the jar's classes and returns the entries of its manifest Class-Path (surefire uses one). */
    private static List<Path> scanJar(Path jar, Set<String> names) {
        List<Path> referenced = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(file.entries())) {
                addClass(entry.getName(), names);
            }
            Manifest manifest = file.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath != null) {
                for (String reference : classPath.trim().split("\\s+")) {
                    URI uri = jar.toUri().resolve(reference);
                    if ("file".equals(uri.getScheme())) {
                        referenced.add(Paths.get(uri).toAbsolutePath().normalize());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
        return referenced;
    }

    private static void addClass(String path, Set<String> names) {
        if (path.startsWith(PREFIX) && path.endsWith(".class") && !path.endsWith("module-info.class")
                && !path.endsWith("package-info.class")) {
            names.add(path.substring(0, path.length() - ".class".length()).replace('/', '.'));
        }
    }
}
