package io.opsstack.cli;

import io.opsstack.api.internal.json.Json;
import io.opsstack.api.plan.Plan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plan file: the plan's own JSON ({@link Plan#toJson()}, so {@code Plan.fromJson} reads it too)
 * plus a {@code cli} object with the operation and the request it was planned from, which
 * {@code apply} and {@code resume} use to rebuild the operation. No connection settings or secrets.
 */
record PlanFile(Plan plan, String operation, Map<String, Object> request) {
    static final String CLI_KEY = "cli";

    /** The file apply keeps next to the journal, for {@code resume <operation-id>}. */
    static Path besideJournal(Path journalDirectory, String operationId) {
        return journalDirectory.resolve(operationId + ".plan.json");
    }

    String toJson() {
        Map<String, Object> map = new LinkedHashMap<>(plan.toMap());
        Map<String, Object> cli = new LinkedHashMap<>();
        cli.put("operation", operation);
        cli.put("request", request);
        map.put(CLI_KEY, cli);
        return Json.pretty(map);
    }

    /** Writes atomically (temporary file, then rename), creating the directory. */
    void write(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, toJson() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UsageException("cannot write plan file " + file + ": " + e.getMessage());
        }
    }

    static PlanFile read(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot read plan file " + file + ": " + e.getMessage());
        }
        Map<String, Object> map = Json.parseObject(json, "plan file " + file);
        Plan plan = Plan.fromMap(map);
        if (!(map.get(CLI_KEY) instanceof Map<?, ?> cli) || !(cli.get("request") instanceof Map<?, ?> request)) {
            throw new UsageException("plan file " + file + " has no '" + CLI_KEY + "' section: make it with `plan ... --out`");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        request.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return new PlanFile(plan, String.valueOf(cli.get("operation")), copy);
    }
}
