package io.opsstack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where settings come from (flag, environment, file), how secrets are kept off the command line, and flag parsing. */
class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void flagBeatsEnvironmentBeatsFile() throws IOException {
        Path yaml = Files.writeString(dir.resolve("ops.yaml"),
                "opensearch:\n  url: http://file:9200\n  user: from-file\n  password: file-secret\nhome: " + dir + "\n");
        Map<String, String> env = Map.of("OPSSTACK_OPENSEARCH_USER", "from-env");
        Settings settings = Settings.load(CliArgs.of("--config", yaml.toString(), "--opensearch-url", "http://flag:9200"), env);
        assertEquals("http://flag:9200", settings.get("opensearch.url"));
        assertEquals("from-env", settings.get("opensearch.user"));
        assertEquals("file-secret", settings.secret("opensearch.password"));
        assertEquals(dir.resolve("journal"), settings.journalDirectory());
        assertEquals(dir.resolve("leases"), settings.leaseDirectory());
    }

    @Test
    void readsPropertiesFilesAndTheConfigFromTheEnvironment() throws IOException {
        Path properties = Files.writeString(dir.resolve("ops.properties"), "opensearch.url=http://props:9200\njournal.dir=/j\n");
        Settings settings = Settings.load(CliArgs.of(), Map.of(Settings.CONFIG_ENV, properties.toString()));
        assertEquals("http://props:9200", settings.get("opensearch.url"));
        assertEquals(Path.of("/j"), settings.journalDirectory());
        assertNull(settings.get("opensearch.user"));
    }

    @Test
    void refusesSecretsOnTheCommandLineWithoutEchoingThem() {
        Settings settings = Settings.load(CliArgs.of("--opensearch-password", "hunter2"), Map.of());
        UsageException refused = assertThrows(UsageException.class, () -> settings.secret("opensearch.password"));
        assertTrue(refused.getMessage().contains("OPSSTACK_OPENSEARCH_PASSWORD"), refused.getMessage());
        assertFalse(refused.getMessage().contains("hunter2"));
    }

    @Test
    void missingEndpointNamesAllThreeSources() {
        Settings settings = Settings.load(CliArgs.of(), Map.of());
        UsageException missing = assertThrows(UsageException.class, () -> settings.httpConnection("patroni", "Patroni"));
        assertTrue(missing.getMessage().contains("--patroni-url") && missing.getMessage().contains("OPSSTACK_PATRONI_URL"),
                missing.getMessage());
    }

    @Test
    void parsesFlagsAndRefusesUnreadOnes() {
        CliArgs args = CliArgs.of("opensearch-tier-move", "--index", "a,b", "--index=c", "--yes", "--wait-timeout", "90s",
                "--typo", "x");
        assertEquals(java.util.List.of("opensearch-tier-move"), args.positionals());
        assertEquals(java.util.List.of("a", "b", "c"), args.list("index"));
        assertTrue(args.isSet("yes"));
        assertEquals(Duration.ofSeconds(90), args.duration("wait-timeout"));
        UsageException unknown = assertThrows(UsageException.class, args::rejectUnread);
        assertTrue(unknown.getMessage().contains("--typo"), unknown.getMessage());
    }

    @Test
    void durationsInEveryDocumentedForm() {
        assertEquals(Duration.ofMinutes(30), CliArgs.parseDuration("t", "30m"));
        assertEquals(Duration.ofHours(2), CliArgs.parseDuration("t", "2h"));
        assertEquals(Duration.ofSeconds(45), CliArgs.parseDuration("t", "45"));
        assertEquals(Duration.ofMinutes(30), CliArgs.parseDuration("t", "PT30M"));
        assertThrows(UsageException.class, () -> CliArgs.parseDuration("t", "soon"));
    }
}
