package io.opsstack.testkit.patroni;

import java.io.Serializable;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of one lab member.
 *
 * @param name the Patroni member name
 * @param restUri the REST API base URI, {@code http://127.0.0.1:<port>}
 * @param postgresPort the PostgreSQL port on 127.0.0.1
 * @param pid the Patroni process id, or -1 when not running
 * @param postmasterPid the PostgreSQL postmaster process id from {@code postmaster.pid}, or -1
 * @param running whether the Patroni process runs
 * @param directory the member directory (configuration, data directory, console log)
 * @param consoleLog the log file of Patroni and its PostgreSQL
 */
public record PatroniLabMember(String name, URI restUri, int postgresPort, long pid, long postmasterPid,
                               boolean running, String directory, String consoleLog) implements Serializable {

    public PatroniLabMember {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(restUri, "restUri");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(consoleLog, "consoleLog");
    }

    /** {@code 127.0.0.1:<postgresPort>}. */
    public String postgresAddress() {
        return "127.0.0.1:" + postgresPort;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("rest_uri", restUri.toString());
        map.put("postgres_port", postgresPort);
        map.put("pid", pid);
        map.put("postmaster_pid", postmasterPid);
        map.put("running", running);
        map.put("directory", directory);
        map.put("console_log", consoleLog);
        return map;
    }
}
