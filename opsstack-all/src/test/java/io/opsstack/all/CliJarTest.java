package io.opsstack.all;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opsstack.api.journal.FileJournal;
import io.opsstack.api.journal.JournalStatus;
import io.opsstack.api.lease.FileLeaseStore;
import io.opsstack.api.plan.Plan;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.testkit.junit.OpenSearchLabExtension;
import io.opsstack.testkit.opensearch.OpenSearchLab;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code java -jar opsstack-all.jar} against the shared OpenSearch lab: plan, apply, status, resume, exit codes. */
@ExtendWith(OpenSearchLabExtension.class)
class CliJarTest {
    private static final List<String> INDICES = List.of("cli-move", "cli-resume", "cli-stale", "cli-unsafe");

    /** Indices whose names depend on the date, deleted after the tests. */
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();

    private static OpenSearchLab lab;
    private static OpenSearchOps os;

    @TempDir
    Path work;

    @BeforeAll
    static void startLab() {
        lab = LabIndices.lab();
        os = OpenSearchOps.connect(LabIndices.url(lab));
    }

    @AfterAll
    static void cleanUp() {
        if (os != null) {
            LabIndices.deleteQuietly(os, INDICES);
            LabIndices.deleteQuietly(os, CREATED);
            os.close();
        }
    }

    private Map<String, String> env() {
        return Map.of("OPSSTACK_OPENSEARCH_URL", LabIndices.url(lab), "OPSSTACK_HOME", work.resolve("home").toString());
    }

    private JarProcess.Result cli(String... args) {
        return JarProcess.cli(env(), work, args);
    }

    private JarProcess.Result planMove(String index, String tier, String file) {
        return cli("plan", "opensearch-tier-move", "--index", index, "--tier", tier, "--out", file);
    }

    @Test
    void plansAppliesAfterConfirmationAndReportsStatus() throws IOException {
        LabIndices.create(os, "cli-move", "hot", 0);

        JarProcess.Result plan = planMove("cli-move", "warm", "plan.json");
        assertEquals(0, plan.exitCode(), plan::toString);
        assertTrue(plan.stderr().contains("cli-move"), "the plan is shown on stderr: " + plan);
        assertEquals("", plan.stdout(), "nothing on stdout");
        String json = Files.readString(work.resolve("plan.json"), StandardCharsets.UTF_8);
        Plan saved = Plan.fromJson(json);
        assertEquals("opensearch-tier-move", saved.operation());
        assertTrue(json.contains("\"cli\""), json);

        JarProcess.Result unconfirmed = cli("apply", "--plan", "plan.json");
        assertEquals(2, unconfirmed.exitCode(), unconfirmed::toString);
        assertTrue(unconfirmed.stderr().contains("--yes"), unconfirmed::toString);
        assertEquals("hot", os.indexSettings("cli-move").get(LabIndices.REQUIRE_TEMP), "nothing changed without --yes");

        JarProcess.Result apply = cli("apply", "--plan", "plan.json", "--yes", "--json-events");
        assertEquals(0, apply.exitCode(), apply::toString);
        assertEquals(Set.of("opensearch-warm-1"), LabIndices.nodesOf(os, "cli-move"));
        assertTrue(apply.stdout().lines().allMatch(line -> line.startsWith("{\"format_version\"")), apply::toString);
        assertTrue(apply.stdout().contains("\"plan_finished\""), apply::toString);
        assertTrue(apply.stderr().contains("[1/"), "progress lines name the step's position: " + apply);
        assertTrue(Files.isRegularFile(work.resolve("home/journal/" + saved.id() + ".plan.json")), "plan kept for resume");

        JarProcess.Result status = cli("status", "--operation-id", saved.id(), "--json");
        assertEquals(0, status.exitCode(), status::toString);
        assertTrue(status.stdout().contains("\"SUCCEEDED\""), status::toString);

        JarProcess.Result resume = cli("resume", saved.id());
        assertEquals(0, resume.exitCode(), resume::toString);
        assertTrue(resume.stderr().contains("already succeeded"), resume::toString);
    }

    @Test
    void resumeSkipsTheStepsAnInterruptedApplyCompleted() {
        LabIndices.create(os, "cli-resume", "hot", 0);
        JarProcess.Result plan = planMove("cli-resume", "cold", "resume.json");
        assertEquals(0, plan.exitCode(), plan::toString);
        Plan saved = planOf("resume.json");

        // What an apply killed after its first step leaves: the setting written, the step journaled, the plan kept.
        Path journalDir = work.resolve("home/journal");
        FileJournal journal = new FileJournal(journalDir);
        journal.begin(saved.id(), saved.operation(), saved.target(), saved.fingerprint().sha256());
        os.putIndexSettings("cli-resume", Map.of(LabIndices.REQUIRE_TEMP, "cold"));
        journal.stepCompleted(saved.id(), saved.steps().get(0).id());
        copy(work.resolve("resume.json"), journalDir.resolve(saved.id() + ".plan.json"));

        JarProcess.Result status = cli("status");
        assertTrue(status.stdout().contains("RUNNING") && status.stdout().contains("resume " + saved.id()), status::toString);

        JarProcess.Result resume = cli("resume", saved.id());
        assertEquals(0, resume.exitCode(), resume::toString);
        assertTrue(resume.stderr().contains("skipped"), "the completed step is skipped: " + resume);
        assertEquals(Set.of("opensearch-cold-1"), LabIndices.nodesOf(os, "cli-resume"));
        assertEquals(JournalStatus.SUCCEEDED, journal.read(saved.id()).status());
    }

    @Test
    void exitCodesTellWhatWentWrong() {
        LabIndices.create(os, "cli-stale", "hot", 0);
        assertEquals(0, planMove("cli-stale", "cold", "to-cold.json").exitCode());
        assertEquals(0, planMove("cli-stale", "warm", "to-warm.json").exitCode());
        assertEquals(0, cli("apply", "--plan", "to-warm.json", "--yes").exitCode());

        JarProcess.Result stale = cli("apply", "--plan", "to-cold.json", "--yes");
        assertEquals(4, stale.exitCode(), stale::toString);
        assertEquals(Set.of("opensearch-warm-1"), LabIndices.nodesOf(os, "cli-stale"), "a stale plan changes nothing");

        assertEquals(0, planMove("cli-stale", "hot", "to-hot.json").exitCode());
        Plan back = planOf("to-hot.json");
        Path heldLeases = work.resolve("held-leases");
        new FileLeaseStore(heldLeases).acquire(back.target(), "someone-else", "their-op", Duration.ofMinutes(5));
        JarProcess.Result leased = cli("apply", "--plan", "to-hot.json", "--yes", "--lease-dir", heldLeases.toString());
        assertEquals(5, leased.exitCode(), leased::toString);
        assertTrue(leased.stderr().contains("someone-else"), "names the holder: " + leased);

        // Two copies of each shard, but the warm tier has one node: the replica guard refuses the move.
        LabIndices.create(os, "cli-unsafe", "hot", 1);
        assertEquals(0, planMove("cli-unsafe", "warm", "unsafe.json").exitCode());
        JarProcess.Result unsafe = cli("apply", "--plan", "unsafe.json", "--yes");
        assertEquals(3, unsafe.exitCode(), unsafe::toString);
        assertEquals("hot", os.indexSettings("cli-unsafe").get(LabIndices.REQUIRE_TEMP));
        os.deleteIndex("cli-unsafe");

        JarProcess.Result unreachable = JarProcess.cli(Map.of("OPSSTACK_OPENSEARCH_URL", "http://127.0.0.1:1"), work,
                "plan", "opensearch-tier-move", "--index", "x", "--tier", "warm", "--out", "x.json");
        assertEquals(6, unreachable.exitCode(), unreachable::toString);

        JarProcess.Result patroniDown = JarProcess.cli(Map.of("OPSSTACK_PATRONI_URL", "http://127.0.0.1:1"), work,
                "plan", "patroni-switchover", "--out", "x.json");
        assertEquals(6, patroniDown.exitCode(), patroniDown::toString);
        JarProcess.Result noPatroni = cli("plan", "patroni-switchover", "--out", "x.json");
        assertEquals(2, noPatroni.exitCode(), noPatroni::toString);
        assertTrue(noPatroni.stderr().contains("OPSSTACK_PATRONI_URL"), noPatroni::toString);

        assertEquals(2, cli("plan", "opensearch-no-such-thing", "--out", "x.json").exitCode());
        assertEquals(2, cli("plan", "opensearch-tier-move", "--index", "cli-stale", "--tier", "warm", "--out", "x.json",
                "--typo", "1").exitCode());
        JarProcess.Result secretFlag = cli("plan", "opensearch-tier-move", "--index", "cli-stale", "--tier", "warm",
                "--out", "x.json", "--opensearch-password", "hunter2");
        assertEquals(2, secretFlag.exitCode(), secretFlag::toString);
        assertTrue(!secretFlag.stderr().contains("hunter2"), "a secret is never echoed");
    }

    @Test
    void preCreatesTomorrowsIndexFromAPlanFile() {
        String tomorrow = "cli-daily-" + DateTimeFormatter.ofPattern("yyyy.MM.dd").format(LocalDate.now(ZoneOffset.UTC).plusDays(1));
        CREATED.add(tomorrow);
        JarProcess.Result plan = cli("plan", "opensearch-pre-create-indices", "--name-pattern", "cli-daily-yyyy.MM.dd",
                "--days", "1", "--out", "daily.json");
        assertEquals(0, plan.exitCode(), plan::toString);
        assertTrue(plan.stderr().contains(tomorrow), "the plan names the index: " + plan);
        assertTrue(!os.indexExists(tomorrow), "planning changes nothing");

        JarProcess.Result apply = cli("apply", "--plan", "daily.json", "--yes");
        assertEquals(0, apply.exitCode(), apply::toString);
        assertTrue(os.indexExists(tomorrow), apply::toString);
    }

    @Test
    void readsSettingsFromAConfigFile() throws IOException {
        Path config = work.resolve("opsstack.yaml");
        Files.writeString(config, "opensearch:\n  url: " + LabIndices.url(lab) + "\nhome: " + work.resolve("from-file") + "\n");
        LabIndices.create(os, "cli-move", "hot", 0);
        JarProcess.Result plan = JarProcess.cli(Map.of(), work, "plan", "opensearch-tier-move", "--config", config.toString(),
                "--index", "cli-move", "--tier", "warm", "--out", "cfg.json");
        assertEquals(0, plan.exitCode(), plan::toString);
        JarProcess.Result dryRun = JarProcess.cli(Map.of(), work, "apply", "--config", config.toString(), "--plan", "cfg.json",
                "--dry-run");
        assertEquals(0, dryRun.exitCode(), dryRun::toString);
        assertEquals("hot", os.indexSettings("cli-move").get(LabIndices.REQUIRE_TEMP), "a dry run changes nothing");
    }

    @Test
    void versionAndHelp() {
        JarProcess.Result version = cli("version");
        assertEquals(0, version.exitCode(), version::toString);
        assertTrue(version.stdout().startsWith("opsstack 0.1.0"), version::toString);
        JarProcess.Result help = cli("help");
        assertTrue(help.stdout().contains("opensearch-tier-move") && help.stdout().contains("6 connection"), help::toString);
        assertEquals(2, cli().exitCode(), "no command is a usage error");
    }

    private Plan planOf(String file) {
        try {
            return Plan.fromJson(Files.readString(work.resolve(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
