package io.opsstack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opsstack.api.error.OpsConnectException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.testkit.ssh.SshKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flags of every CLI operation: what request map they make, that the facades accept that map (no server
 * runs: an operation that reads the cluster when built fails to connect only after its request was
 * read, while a bad request fails with a validation error), that {@code help <operation>}
 * lists every flag, and that bad flags end with exit code 2 and a message naming the flag.
 */
class OperationFlagsTest {
    @TempDir
    Path dir;
    private String inventory;
    private String policy;
    private String patch;
    private String gates;
    private String definition;
    private String manifest;

    @BeforeEach
    void files() throws IOException {
        inventory = Files.writeString(dir.resolve("hosts.yaml"), "defaults: {user: ops}\nhosts:\n  os-1: {address: 127.0.0.1}\n"
                + "  os-2: {address: 127.0.0.1}\n  os-3: {address: 127.0.0.1}\nroles:\n  data: [os-1, os-2]\n").toString();
        policy = Files.writeString(dir.resolve("policy.yaml"), "name: logs\nindices: ['logs-*']\nphases:\n  - {name: hot}\n"
                + "  - {name: warm, min_age: 7d, actions: [{type: allocation, attribute: temp, value: warm}]}\n").toString();
        patch = Files.writeString(dir.resolve("patch.json"), "{\"postgresql\": {\"parameters\": {\"work_mem\": \"8MB\"}}}")
                .toString();
        gates = Files.writeString(dir.resolve("gates.yaml"), "- {type: tcp, name: port-open, port: 9200}\n").toString();
        definition = Files.writeString(dir.resolve("vm.yaml"), "name: vm\nvmstorage: [{name: os-1, http: '127.0.0.1:1'}]\n"
                + "vminsert: [{name: os-2, http: '127.0.0.1:1'}]\nvmselect: [{name: os-3, http: '127.0.0.1:1'}]\n").toString();
        manifest = Files.writeString(dir.resolve("manifest.yaml"), manifestOf("os-1")).toString();
    }

    private static String manifestOf(String node) {
        return "{format_version: '1.0', cluster: vm, backup_name: nightly, destination: 'fs:///backups/vm',\n"
                + " started_at: '2026-01-05T01:00:00Z', finished_at: '2026-01-05T01:10:00Z',\n"
                + " nodes: [{node: " + node + ", http: '127.0.0.1:1', snapshot: s1, storage_data_path: /var/lib/vmstorage,\n"
                + "  destination: 'fs:///backups/vm/" + node + "/nightly', started_at: '2026-01-05T01:00:00Z',\n"
                + "  finished_at: '2026-01-05T01:10:00Z', size_bytes: 1024, version: ''}]}\n";
    }

    /** One command line per operation and the request it must make. */
    private Map<String, Case> cases() {
        Map<String, Case> cases = new LinkedHashMap<>();
        add(cases, "opensearch-tier-move", Map.of("indices", List.of("logs-1", "logs-2"), "tier", "warm",
                "wait_timeout_seconds", 600L), "--index", "logs-1,logs-2", "--tier", "warm", "--wait-timeout", "10m");
        add(cases, "opensearch-drain", Map.of("node", "os-2", "stall_polls", 9L), "--node", "os-2", "--stall-polls", "9");
        add(cases, "opensearch-undrain", Map.of("node", "os-2"), "--node", "os-2");
        add(cases, "opensearch-relocate", Map.of("from_node", "os-1", "indices", List.of("a"), "to_node", "os-2"),
                "--from-node", "os-1", "--index", "a", "--to-node", "os-2");
        add(cases, "opensearch-rebalance-tier", Map.of("tier", "hot", "attribute", "box"), "--tier", "hot", "--attribute", "box");
        add(cases, "opensearch-tier-run", Map.of("policy", Map.of("name", "logs", "indices", List.of("logs-*"),
                "phases", List.of(Map.of("name", "hot"), Map.of("name", "warm", "min_age", "7d", "actions",
                        List.of(Map.of("type", "allocation", "attribute", "temp", "value", "warm"))))),
                "wait_timeout", "30m"), "--policy", policy, "--wait-timeout", "30m");
        add(cases, "opensearch-pre-create-indices", Map.of("name_patterns", List.of("logs-yyyy.MM.dd"), "days", 2L),
                "--name-pattern", "logs-yyyy.MM.dd", "--days", "2");
        add(cases, "opensearch-open-close-indices", Map.of("action", "close", "age_from", "logs-yyyy.MM.dd", "min_age", "30d"),
                "--action", "close", "--age-from", "logs-yyyy.MM.dd", "--min-age", "30d");
        add(cases, "opensearch-zone-decommission", Map.of("zone", "zone-b", "drain_delay_seconds", 30L),
                "--zone", "zone-b", "--drain-delay", "30s");
        add(cases, "opensearch-zone-recommission", Map.of());
        add(cases, "opensearch-rolling-restart", Map.of("nodes", List.of("os-1"), "max_unavailable", 1L,
                "service_control", Map.of("inventory", inventory, "role", "data", "sudo", true)),
                "--node", "os-1", "--max-unavailable", "1", "--inventory", inventory, "--role", "data", "--sudo");
        add(cases, "opensearch-snapshot", Map.of("repository", "backups", "snapshot", "nightly-1", "include_global_state", true),
                "--repository", "backups", "--snapshot", "nightly-1", "--include-global-state");
        add(cases, "opensearch-restore", Map.of("repository", "backups", "snapshot", "nightly-1",
                "rename_pattern", "(.+)", "rename_replacement", "restored-$1"), "--repository", "backups", "--snapshot",
                "nightly-1", "--rename-pattern", "(.+)", "--rename-replacement", "restored-$1");
        add(cases, "patroni-switchover", Map.of("candidate", "pg2", "convergence_timeout", 120L),
                "--candidate", "pg2", "--convergence-timeout", "2m");
        add(cases, "patroni-failover", Map.of("candidate", "pg2", "allow_without_leader", true),
                "--candidate", "pg2", "--allow-without-leader");
        add(cases, "patroni-rolling-restart", Map.of("member_timeout", 300L, "primary_strategy", "in_place"),
                "--member-timeout", "5m", "--primary-strategy", "in_place");
        add(cases, "patroni-config-change", Map.of("patch", Map.of("postgresql", Map.of("parameters", Map.of("work_mem", "8MB"))),
                "restart_pending", "false"), "--patch", patch, "--restart-pending", "false");
        add(cases, "patroni-pause", Map.of("timeout", 30L), "--timeout", "30s");
        add(cases, "patroni-resume", Map.of());
        add(cases, "patroni-reinitialize", Map.of("member", "pg3", "force", true), "--member", "pg3", "--force");
        add(cases, "ssh-rolling-restart", Map.of("service_control", Map.of("inventory", inventory, "unit", "nginx",
                "manager", "command", "start_command", "start {service}", "stop_command", "stop {service}",
                "status_command", "status {service}"), "gates", List.of(Map.of("type", "tcp", "name", "port-open", "port", 9200)),
                "pauseBetweenHosts", "PT30S"), "--inventory", inventory, "--unit", "nginx", "--service-manager", "command",
                "--start-command", "start {service}", "--stop-command", "stop {service}", "--status-command", "status {service}",
                "--gates", gates, "--pause-between-hosts", "30s");
        add(cases, "ssh-sync-rollout", Map.of("service_control", Map.of("inventory", inventory, "unit", "app"),
                "targetDirectory", "/etc/app", "referenceNode", "os-1", "deleteExtras", true), "--inventory", inventory,
                "--unit", "app", "--target-directory", "/etc/app", "--reference-node", "os-1", "--delete-extras");
        add(cases, "victoria-rolling-restart", Map.of("components", List.of("vmstorage"), "gate_timeout", "PT2M",
                "service_control", Map.of("inventory", inventory, "unit", "vmstorage")), "--component", "vmstorage",
                "--gate-timeout", "2m", "--inventory", inventory, "--unit", "vmstorage");
        add(cases, "victoria-add-storage", Map.of("node", Map.of("name", "os-4", "http", "127.0.0.2:8482", "vminsert_port", 8400L),
                "gate_timeout", "PT5M", "service_control", Map.of("inventory", inventory, "unit", "vm", "sudo", true),
                "flag_files", Map.of("format", "args", "path", "/etc/vm/{service}.args")), "--node", "os-4", "--node-http",
                "127.0.0.2:8482", "--vminsert-port", "8400", "--gate-timeout", "5m", "--inventory", inventory, "--unit", "vm",
                "--sudo", "--flag-files", "args", "--flags-file-path", "/etc/vm/{service}.args");
        add(cases, "victoria-remove-storage", Map.of("node", "os-1", "phase", "from-vmselect",
                "removed_from_vminsert_at", "2026-01-05T10:00:00Z", "service_control", Map.of("inventory", inventory, "unit", "vm"),
                "flag_files", Map.of("format", "systemd-dropin")), "--node", "os-1", "--phase", "from-vmselect",
                "--removed-from-vminsert-at", "2026-01-05T10:00:00Z", "--inventory", inventory, "--unit", "vm",
                "--flag-files", "systemd-dropin");
        add(cases, "victoria-backup", Map.of("destination", "s3://backups/vm", "nodes", List.of("os-1"), "backup_name", "nightly",
                "extra_flags", List.of("-credsFilePath=/etc/vm/s3.creds"), "command_timeout", "PT3H",
                "service_control", Map.of("inventory", inventory)), "--destination", "s3://backups/vm", "--node", "os-1",
                "--backup-name", "nightly", "--extra-flag", "-credsFilePath=/etc/vm/s3.creds", "--command-timeout", "3h",
                "--inventory", inventory);
        add(cases, "victoria-restore", Map.of("manifest", StructuredFiles.read(Path.of(manifest), "manifest"),
                "health_timeout", "PT10M", "service_control", Map.of("inventory", inventory, "unit", "vmstorage-main", "sudo", true)),
                "--manifest", manifest, "--health-timeout", "10m", "--inventory", inventory, "--unit", "vmstorage-main", "--sudo");
        return cases;
    }

    @Test
    void everyOperationHasACaseAndADocsPage() {
        Set<String> names = new HashSet<>();
        OperationCatalog.operations().forEach(operation -> names.add(operation.name()));
        assertEquals(names, cases().keySet());
        Path pages = Path.of(System.getProperty("opsstack.samples.dir")).resolveSibling("docs").resolve("operations");
        names.forEach(name -> assertTrue(Files.isRegularFile(pages.resolve(name + ".md")), "docs page of " + name));
    }

    @Test
    void flagsMakeTheRequestAndTheFacadeBuildsTheOperation() {
        Path key = SshKeys.generate(dir, "id_ed25519", "ed25519");
        CliArgs settingsFlags = CliArgs.of("--opensearch-url", "http://127.0.0.1:1", "--patroni-url", "http://127.0.0.1:1",
                "--home", dir.toString(), "--ssh-identity-files", key.toString(), "--victoria-definition", definition);
        Settings settings = Settings.load(settingsFlags, Map.of());
        cases().forEach((name, expected) -> {
            CliArgs args = new CliArgs(expected.args());
            Map<String, Object> request = OperationCatalog.operation(name).request(args);
            args.rejectUnread();
            assertEquals(expected.request(), request, name);
            try (OperationFamily.Connection connection = OperationCatalog.family(name).connect(settings)) {
                assertNotNull(connection.operation(name, request), name);
            } catch (OpsConnectException e) {
                // Some operations read the cluster when built: the request was accepted, as a bad one fails before.
            }
        });
    }

    @Test
    void helpOfAnOperationListsEveryFlag() {
        for (CliOperation operation : OperationCatalog.operations()) {
            Run help = run("help", operation.name());
            assertEquals(0, help.code(), help.err());
            for (CliFlag flag : operation.flags()) {
                assertTrue(help.out().contains("--" + flag.name()), operation.name() + " help misses --" + flag.name());
            }
        }
        assertTrue(run("help").out().contains("opensearch-zone-decommission"));
    }

    @Test
    void badFlagsExitWithTwoAndNameTheFlag() {
        assertUsage("missing --from-node", "plan", "opensearch-relocate", "--out", "p.json");
        assertUsage("--wait-timeout must be a duration", "plan", "opensearch-rebalance-tier", "--tier", "warm",
                "--wait-timeout", "soon", "--out", "p.json");
        assertUsage("--days must be a whole number", "plan", "opensearch-pre-create-indices", "--name-pattern", "l-yyyy.MM.dd",
                "--days", "two", "--out", "p.json");
        assertUsage("--policy: file", "plan", "opensearch-tier-run", "--policy", dir.resolve("absent.yaml").toString(),
                "--out", "p.json");
        assertUsage("unknown flag --zones", "plan", "opensearch-zone-decommission", "--zones", "b", "--zone", "b",
                "--out", "p.json", "--opensearch-url", "http://127.0.0.1:1");
        assertUsage("missing --unit", "plan", "ssh-rolling-restart", "--inventory", inventory, "--out", "p.json");
        assertUsage("unknown operation 'patroni-failback'", "help", "patroni-failback");
        assertUsage("missing --flag-files", "plan", "victoria-add-storage", "--node-http", "127.0.0.1:8482",
                "--inventory", inventory, "--unit", "vm", "--out", "p.json");
        assertUsage("--vmselect-port must be a whole number", "plan", "victoria-add-storage", "--node-http", "127.0.0.1:8482",
                "--vmselect-port", "high", "--out", "p.json");
        assertUsage("--manifest: file", "plan", "victoria-restore", "--manifest", dir.resolve("absent.json").toString(),
                "--inventory", inventory, "--out", "p.json");
    }

    /** Requests the VictoriaMetrics facade refuses are refused before SSH is set up or a node is asked. */
    @Test
    void badVictoriaRequestsFailValidationFirst() {
        Settings settings = Settings.load(CliArgs.of("--home", dir.toString(), "--victoria-definition", definition), Map.of());
        Map<String, Object> services = Map.of("inventory", dir.resolve("no-such-inventory.yaml").toString(), "unit", "vm");
        Map<String, Map<String, Object>> refused = new LinkedHashMap<>();
        refused.put("victoria-add-storage", Map.of("node", Map.of("name", "os-4"),
                "service_control", services, "flag_files", Map.of("format", "args", "path", "/etc/vm.args")));
        refused.put("victoria-remove-storage", Map.of("node", "os-1", "phase", "from-vmselect", "service_control", services,
                "flag_files", Map.of("format", "systemd-dropin")));
        refused.put("victoria-backup", Map.of("destination", "fs://relative/dir", "service_control", services));
        refused.put("victoria-restore", Map.of("manifest", StructuredFiles.read(Path.of(manifest), "manifest"),
                "nodes", List.of("os-9"), "service_control", services));
        try (OperationFamily.Connection connection = OperationCatalog.family("victoria-backup").connect(settings)) {
            refused.forEach((name, request) -> assertThrows(OpsValidationException.class,
                    () -> connection.operation(name, request), name));
        }
    }

    /** Flags files that cannot work are refused when planning: args without a path, drop-ins under another service manager. */
    @Test
    void flagFilesThatCannotWorkAreRefused() {
        Path key = SshKeys.generate(dir, "id_ed25519", "ed25519");
        Settings settings = Settings.load(CliArgs.of("--home", dir.toString(), "--ssh-identity-files", key.toString(),
                "--victoria-definition", definition), Map.of());
        Map<String, Object> noPath = Map.of("node", "os-1", "service_control", Map.of("inventory", inventory, "unit", "vm"),
                "flag_files", Map.of("format", "args"));
        Map<String, Object> dropInUnderSupervisor = Map.of("node", "os-1", "service_control", Map.of("inventory", inventory,
                "unit", "vm", "manager", "supervisor"), "flag_files", Map.of("format", "systemd-dropin"));
        try (OperationFamily.Connection connection = OperationCatalog.family("victoria-remove-storage").connect(settings)) {
            UsageException pathless = assertThrows(UsageException.class,
                    () -> connection.operation("victoria-remove-storage", noPath));
            assertTrue(pathless.getMessage().contains("--flags-file-path"), pathless.getMessage());
        }
        try (OperationFamily.Connection connection = OperationCatalog.family("victoria-remove-storage").connect(settings)) {
            UsageException supervisor = assertThrows(UsageException.class,
                    () -> connection.operation("victoria-remove-storage", dropInUnderSupervisor));
            assertTrue(supervisor.getMessage().contains("--service-manager systemd"), supervisor.getMessage());
        }
    }

    private void assertUsage(String message, String... argv) {
        Run run = run(argv);
        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().contains(message), run.err());
    }

    private Run run(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(Map.of("OPSSTACK_HOME", dir.toString()), InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(argv);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void add(Map<String, Case> cases, String name, Map<String, ?> request, String... args) {
        cases.put(name, new Case(new ArrayList<>(List.of(args)), request));
    }

    private record Case(List<String> args, Map<String, ?> request) {
    }

    private record Run(int code, String out, String err) {
    }
}
