package io.opsstack.all;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/** Opens the built shaded jar: what it contains, its manifest, and the public signatures of its classes. */
class ShadedJarContentsTest {
    private static final String SHADED = "io.opsstack.shaded.";

    /**
     * Public members that expose a relocated type on purpose. {@code OpenSearchOps.javaClient()} hands out
     * the official client; in this jar it is the relocated copy (use the module jars to get the official type).
     */
    private static final Set<String> ALLOWED_EXPOSURES = Set.of("io.opsstack.opensearch.OpenSearchOps#javaClient");

    /** Non-class files third-party jars carry at the root: licences and message bundles. */
    private static final Set<String> ALLOWED_ROOT_FILES = Set.of("LICENSE.txt", "COPYRIGHT.txt", "yasson-messages.properties");

    @Test
    void holdsOnlyOpsstackClassesAndRelocatedLibraries() throws IOException {
        List<String> stray = new ArrayList<>();
        int relocated = 0;
        try (JarFile jar = new JarFile(JarProcess.jar().toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (entry.isDirectory() || name.startsWith("META-INF/") && !name.endsWith(".class")) {
                    continue;
                }
                if (name.startsWith("io/opsstack/shaded/")) {
                    relocated++;
                } else if (!name.startsWith("io/opsstack/") && !ALLOWED_ROOT_FILES.contains(name)) {
                    stray.add(name);
                }
            }
        }
        assertEquals(List.of(), stray, "unrelocated third-party files in the shaded jar");
        assertTrue(relocated > 1000, "the libraries are in the jar, relocated: " + relocated);
    }

    @Test
    void manifestNamesTheModuleAndTheCli() throws IOException {
        try (JarFile jar = new JarFile(JarProcess.jar().toFile())) {
            Manifest manifest = jar.getManifest();
            assertNotNull(manifest);
            assertEquals("io.opsstack.all", manifest.getMainAttributes().getValue("Automatic-Module-Name"));
            assertEquals("io.opsstack.cli.Main", manifest.getMainAttributes().getValue("Main-Class"));
            assertNotNull(jar.getEntry("META-INF/services/io.opsstack.shaded.org.slf4j.spi.SLF4JServiceProvider"),
                    "the relocated SLF4J finds the bundled simple logger");
            assertNotNull(jar.getEntry("io/opsstack/cli/opsstack.jsh"), "`jsh` prints the bundled startup script");
        }
    }

    @Test
    void publicApiExposesNoRelocatedType() throws Exception {
        List<String> exposures = new ArrayList<>();
        int checked = 0;
        try (JarFile jar = new JarFile(JarProcess.jar().toFile());
             URLClassLoader loader = new URLClassLoader(new URL[] {JarProcess.jar().toUri().toURL()},
                     ClassLoader.getPlatformClassLoader())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (!name.startsWith("io/opsstack/") || name.startsWith("io/opsstack/shaded/")
                        || !name.endsWith(".class") || name.contains("/internal/")) {
                    continue;
                }
                Class<?> type = Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
                if (!isPublicApi(type)) {
                    continue;
                }
                checked++;
                collectExposures(type, exposures);
            }
        }
        assertEquals(List.of(), exposures, "public signatures that use relocated types");
        assertTrue(checked > 100, "public types checked: " + checked);
    }

    private static boolean isPublicApi(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            if (!Modifier.isPublic(t.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static void collectExposures(Class<?> type, List<String> exposures) {
        check(type.getName() + " extends", type.getGenericSuperclass(), exposures);
        for (Type parent : type.getGenericInterfaces()) {
            check(type.getName() + " implements", parent, exposures);
        }
        for (Method method : type.getDeclaredMethods()) {
            if (visible(method.getModifiers()) && !method.isSynthetic()) {
                String member = type.getName() + "#" + method.getName();
                check(member, method.getGenericReturnType(), exposures);
                for (Type parameter : method.getGenericParameterTypes()) {
                    check(member, parameter, exposures);
                }
                for (Type thrown : method.getGenericExceptionTypes()) {
                    check(member, thrown, exposures);
                }
            }
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (visible(constructor.getModifiers())) {
                for (Type parameter : constructor.getGenericParameterTypes()) {
                    check(type.getName() + "#<init>", parameter, exposures);
                }
            }
        }
        for (Field field : type.getDeclaredFields()) {
            if (visible(field.getModifiers())) {
                check(type.getName() + "#" + field.getName(), field.getGenericType(), exposures);
            }
        }
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void check(String member, Type type, List<String> exposures) {
        if (type != null && type.getTypeName().contains(SHADED) && !ALLOWED_EXPOSURES.contains(member)) {
            exposures.add(member + ": " + type.getTypeName());
        }
    }
}
