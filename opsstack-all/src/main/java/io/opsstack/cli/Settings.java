package io.opsstack.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Connection and directory settings, each looked up by a dotted key such as {@code opensearch.url}
 * in this order: the flag {@code --opensearch-url}, the environment variable
 * {@code OPSSTACK_OPENSEARCH_URL}, the config file ({@code --config FILE} or {@code OPSSTACK_CONFIG}:
 * YAML, nested or flat, or a {@code .properties} file). Secrets are read only from the environment
 * or the file, never from a flag (flags show up in process lists and CI logs).
 */
final class Settings {
    static final String CONFIG_ENV = "OPSSTACK_CONFIG";

    private final CliArgs args;
    private final Map<String, String> env;
    private final Map<String, String> file;
    private final Path journalDirectory;
    private final Path leaseDirectory;

    private Settings(CliArgs args, Map<String, String> env, Map<String, String> file) {
        this.args = args;
        this.env = env;
        this.file = file;
        // Resolved up front, so every command accepts the directory flags.
        Path home = home();
        String journal = get("journal.dir");
        this.journalDirectory = journal != null ? Paths.get(journal) : home.resolve("journal");
        String lease = get("lease.dir");
        this.leaseDirectory = lease != null ? Paths.get(lease) : home.resolve("leases");
    }

    static Settings load(CliArgs args, Map<String, String> env) {
        String config = args.optional("config");
        if (config == null) {
            config = env.get(CONFIG_ENV);
        }
        Map<String, String> file = config == null || config.isBlank() ? Map.of() : readConfig(Paths.get(config));
        return new Settings(args, env, file);
    }

    /** The value of {@code key} from flag, environment or file; null when none sets it. */
    String get(String key) {
        String value = args.optional(flagName(key));
        if (value == null) {
            value = env.get(envName(key));
        }
        if (value == null) {
            value = file.get(key);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A secret from the environment or the file; a flag for it is refused. */
    String secret(String key) {
        if (args.optional(flagName(key)) != null) {
            throw new UsageException("--" + flagName(key) + " is not accepted: pass secrets in the environment ("
                    + envName(key) + ") or the config file");
        }
        String value = env.get(envName(key));
        if (value == null) {
            value = file.get(key);
        }
        return value == null || value.isEmpty() ? null : value;
    }

    /** The base directory: {@code --home}, {@code OPSSTACK_HOME}, config {@code home}, else {@code ~/.opsstack}. */
    private Path home() {
        String home = get("home");
        return home != null ? Paths.get(home) : Paths.get(System.getProperty("user.home"), ".opsstack");
    }

    /** Journal directory: {@code journal.dir} ({@code --journal-dir}), else {@code <home>/journal}. */
    Path journalDirectory() {
        return journalDirectory;
    }

    /** Lease directory: {@code lease.dir} ({@code --lease-dir}), else {@code <home>/leases}. */
    Path leaseDirectory() {
        return leaseDirectory;
    }

    /**
     * The connection map for a facade's {@code fromMap} of an HTTP system named {@code system}: keys
     * {@code <system>.url} (required), {@code .user}, the secret {@code .password}, {@code .ca_cert}, {@code .insecure}.
     */
    Map<String, Object> httpConnection(String system, String displayName) {
        String url = get(system + ".url");
        if (url == null) {
            throw new UsageException("no " + displayName + " endpoint: pass --" + flagName(system + ".url") + ", set "
                    + envName(system + ".url") + " or " + system + ".url in the config file");
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("endpoints", url);
        RequestMaps.putIfSet(config, "user", get(system + ".user"));
        RequestMaps.putIfSet(config, "password", secret(system + ".password"));
        RequestMaps.putIfSet(config, "ca_cert", get(system + ".ca_cert"));
        String insecure = get(system + ".insecure");
        if (insecure != null) {
            config.put("insecure", Boolean.parseBoolean(insecure));
        }
        return config;
    }


    static String flagName(String key) {
        return key.replace('.', '-').replace('_', '-');
    }

    static String envName(String key) {
        return "OPSSTACK_" + key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    private static Map<String, String> readConfig(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new UsageException("config file " + path + " does not exist");
        }
        try {
            if (path.getFileName().toString().endsWith(".properties")) {
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                Map<String, String> flat = new LinkedHashMap<>();
                properties.stringPropertyNames().forEach(name -> flat.put(name, properties.getProperty(name)));
                return flat;
            }
            Object yaml = new ObjectMapper(new YAMLFactory()).readValue(path.toFile(), Object.class);
            Map<String, String> flat = new LinkedHashMap<>();
            if (yaml instanceof Map<?, ?> map) {
                flatten("", map, flat);
            } else if (yaml != null) {
                throw new UsageException("config file " + path + " must hold a map of settings");
            }
            return flat;
        } catch (IOException e) {
            // The message names the file and position only; values (maybe secrets) are not echoed.
            throw new UsageException("cannot read config file " + path + ": " + e.getClass().getSimpleName());
        }
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, String> into) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = prefix + entry.getKey();
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> nested) {
                flatten(key + ".", nested, into);
            } else if (value instanceof List<?> list) {
                into.put(key, String.join(",", list.stream().map(String::valueOf).toList()));
            } else if (value != null) {
                into.put(key, String.valueOf(value));
            }
        }
    }
}
