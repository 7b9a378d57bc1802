package io.opsstack.testkit.patroni.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opsstack.api.internal.json.Json;

/**
 * Writes one member's Patroni configuration. The file is JSON, which is valid YAML, so paths and
 * passwords need no YAML quoting rules.
 *
 * @param scope the cluster name
 * @param name the member name
 * @param restPort the REST API port on 127.0.0.1
 * @param postgresPort the PostgreSQL port on 127.0.0.1
 * @param directory the member directory (holds {@code data/}, the pgpass file and the config)
 * @param socketDirectory the PostgreSQL unix socket directory (short enough for the socket path limit)
 * @param etcdPort the etcd client port
 * @param binDirectory the PostgreSQL binaries
 * @param timing ttl, loop_wait, retry_timeout and maximum_lag_on_failover for the bootstrap DCS section
 * @param passwords superuser, replication and rewind passwords
 * @param restUser REST basic-auth user for unsafe methods, or null for none
 * @param restPassword its password, or null
 * @param standbyOf {@code host:port} of the PostgreSQL this cluster replicates as a standby cluster, or null
 */
public record MemberConfig(String scope, String name, int restPort, int postgresPort, Path directory,
                           Path socketDirectory, int etcdPort, Path binDirectory, DcsTiming timing,
                           LabPasswords passwords, String restUser, String restPassword, String standbyOf) {

    public static final String FILE_NAME = "patroni.yml";

    /** The bootstrap timing of the DCS section. */
    public record DcsTiming(int ttl, int loopWait, int retryTimeout, long maximumLagOnFailover) {
    }

    /** Throwaway passwords of the lab's database roles. */
    public record LabPasswords(String superuser, String replication, String rewind) {
        @Override
        public String toString() {
            return "LabPasswords[****]";
        }
    }

    /** Names the member and ports; never the passwords. */
    @Override
    public String toString() {
        return "MemberConfig[" + scope + "/" + name + ", rest=" + restPort + ", postgres=" + postgresPort + ", "
                + directory + "]";
    }

    public Path dataDirectory() {
        return directory.resolve("data");
    }

    public Path file() {
        return directory.resolve(FILE_NAME);
    }

    public void write() {
        String text = "# Patroni member " + name + " of lab cluster " + scope + " (JSON is valid YAML)\n"
                + Json.pretty(toConfigMap()) + "\n";
        try {
            Files.writeString(file(), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file(), e);
        }
    }

    Map<String, Object> toConfigMap() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scope", scope);
        root.put("namespace", "/service/");
        root.put("name", name);
        Map<String, Object> restapi = new LinkedHashMap<>();
        restapi.put("listen", "127.0.0.1:" + restPort);
        restapi.put("connect_address", "127.0.0.1:" + restPort);
        if (restUser != null) {
            restapi.put("authentication", Map.of("username", restUser, "password", restPassword));
        }
        root.put("restapi", restapi);
        root.put("etcd3", Map.of("hosts", "127.0.0.1:" + etcdPort));
        root.put("bootstrap", bootstrap());
        root.put("postgresql", postgresql());
        root.put("tags", Map.of("nofailover", false, "noloadbalance", false, "clonefrom", false, "nosync", false));
        return root;
    }

    private Map<String, Object> bootstrap() {
        Map<String, Object> dcs = new LinkedHashMap<>();
        dcs.put("ttl", timing.ttl());
        dcs.put("loop_wait", timing.loopWait());
        dcs.put("retry_timeout", timing.retryTimeout());
        dcs.put("maximum_lag_on_failover", timing.maximumLagOnFailover());
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("wal_level", "replica");
        parameters.put("hot_standby", "on");
        parameters.put("wal_log_hints", "on");
        parameters.put("max_wal_senders", 10);
        parameters.put("max_replication_slots", 10);
        parameters.put("max_connections", 50);
        parameters.put("shared_buffers", "32MB");
        dcs.put("postgresql", Map.of("use_pg_rewind", true, "use_slots", true, "parameters", parameters));
        if (standbyOf != null) {
            int colon = standbyOf.lastIndexOf(':');
            Map<String, Object> standby = new LinkedHashMap<>();
            standby.put("host", standbyOf.substring(0, colon));
            standby.put("port", Integer.parseInt(standbyOf.substring(colon + 1)));
            dcs.put("standby_cluster", standby);
        }
        Map<String, Object> bootstrap = new LinkedHashMap<>();
        bootstrap.put("dcs", dcs);
        bootstrap.put("initdb", List.of(Map.of("encoding", "UTF8"), Map.of("auth-local", "trust")));
        return bootstrap;
    }

    private Map<String, Object> postgresql() {
        Map<String, Object> postgresql = new LinkedHashMap<>();
        postgresql.put("listen", "127.0.0.1:" + postgresPort);
        postgresql.put("connect_address", "127.0.0.1:" + postgresPort);
        postgresql.put("data_dir", dataDirectory().toString());
        postgresql.put("bin_dir", binDirectory.toString());
        postgresql.put("pgpass", directory.resolve("pgpass").toString());
        Map<String, Object> authentication = new LinkedHashMap<>();
        authentication.put("superuser", Map.of("username", "postgres", "password", passwords.superuser()));
        authentication.put("replication", Map.of("username", "replicator", "password", passwords.replication()));
        authentication.put("rewind", Map.of("username", "rewinder", "password", passwords.rewind()));
        postgresql.put("authentication", authentication);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("unix_socket_directories", socketDirectory.toString());
        postgresql.put("parameters", parameters);
        postgresql.put("pg_hba", List.of("local all all trust", "host replication replicator 127.0.0.1/32 md5",
                "host all all 127.0.0.1/32 md5"));
        return postgresql;
    }
}
