package io.opsstack.testkit.opensearch.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.opsstack.api.error.OpsException;
import io.opsstack.api.secret.Secret;

/**
 * BCrypt hashes for {@code internal_users.yml}, computed with the BouncyCastle jar the security
 * plugin ships (so the hash format is one the plugin reads), loaded in a separate class loader
 * instead of running the plugin's {@code hash.sh} in a new JVM per password.
 */
public final class BcryptHashes {

    /** 2^10 rounds: the plugin caches authenticated users, so this cost is paid once per user. */
    private static final int COST = 10;
    private static final String BCRYPT_CLASS = "org.bouncycastle.crypto.generators.OpenBSDBCrypt";

    private final SecureRandom random = new SecureRandom();
    private final Path pluginDirectory;

    /** Hashes with the BouncyCastle jar under {@code <distribution>/plugins/opensearch-security}. */
    public BcryptHashes(Path distributionHome) {
        this.pluginDirectory = distributionHome.resolve("plugins").resolve("opensearch-security");
    }

    /** A {@code $2y$} hash of the password with a fresh salt. */
    public String hash(Secret password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        try (URLClassLoader loader = new URLClassLoader(bouncyCastleJars(), null)) {
            Method generate = loader.loadClass(BCRYPT_CLASS)
                    .getMethod("generate", String.class, char[].class, byte[].class, int.class);
            return (String) generate.invoke(null, "2y", password.revealChars(), salt, COST);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the BouncyCastle jar in " + pluginDirectory, e);
        } catch (ReflectiveOperationException e) {
            throw new OpsException("cannot hash a lab password with " + BCRYPT_CLASS + " from " + pluginDirectory
                    + ": " + e.getClass().getSimpleName());
        }
    }

    private URL[] bouncyCastleJars() throws IOException {
        List<Path> jars;
        try (Stream<Path> files = Files.list(pluginDirectory)) {
            jars = files.filter(file -> file.getFileName().toString().startsWith("bcprov")).collect(Collectors.toList());
        }
        if (jars.isEmpty()) {
            throw new OpsException("no bcprov jar in " + pluginDirectory + "; is the security plugin installed?");
        }
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = jars.get(i).toUri().toURL();
        }
        return urls;
    }
}
