package io.opsstack.opensearch.ops;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opsstack.api.error.OpsValidationException;

/**
 * A restore of {@code indices} (names or patterns; empty = all in the snapshot) from {@code repository}/{@code snapshot}.
 * With {@code renamePattern} and {@code renameReplacement} (Java regex and replacement, e.g. {@code (.+)} →
 * {@code restored-$1}) the indices are restored under new names; otherwise the target indices must not exist.
 *
 * @param renamePattern     regex applied to index names; null = keep names
 * @param renameReplacement replacement for {@code renamePattern}; null exactly when it is null
 * @param waitTimeout       how long to wait for the restored indices to become active
 * @param pollInterval      how often recovery is checked while waiting
 */
public record RestoreRequest(String repository, String snapshot, List<String> indices, String renamePattern,
                             String renameReplacement, Duration waitTimeout, Duration pollInterval) implements Serializable {
    public static final Duration DEFAULT_WAIT_TIMEOUT = Duration.ofMinutes(30);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(250);

    public RestoreRequest {
        RequestChecks.name(repository, "repository");
        RequestChecks.name(snapshot, "snapshot");
        indices = RequestChecks.names(indices, "indices");
        if ((renamePattern == null) != (renameReplacement == null)) {
            throw new OpsValidationException("renamePattern and renameReplacement go together");
        }
        if (renamePattern != null) {
            try {
                java.util.regex.Pattern.compile(renamePattern);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new OpsValidationException("renamePattern is not a valid regex: " + e.getDescription());
            }
        }
        RequestChecks.positive(waitTimeout, "waitTimeout");
        RequestChecks.positive(pollInterval, "pollInterval");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The name an index of the snapshot gets when restored. */
    public String targetName(String snapshotIndex) {
        return renamePattern == null ? snapshotIndex : snapshotIndex.replaceAll(renamePattern, renameReplacement);
    }

    /** Keys: {@code repository}, {@code snapshot}, {@code indices}, {@code rename_pattern}, {@code rename_replacement}, {@code wait_timeout_seconds}, {@code poll_interval_millis}. */
    public static RestoreRequest fromMap(Map<String, ?> map) {
        return builder().fill(map, "restore", "rename_pattern, rename_replacement").build();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("repository", repository);
        map.put("snapshot", snapshot);
        map.put("indices", new ArrayList<>(indices));
        map.put("rename_pattern", renamePattern);
        map.put("rename_replacement", renameReplacement);
        map.put("wait_timeout_seconds", waitTimeout.toSeconds());
        map.put("poll_interval_millis", pollInterval.toMillis());
        return map;
    }

    public static final class Builder extends SnapshotScopeBuilder<Builder> {
        private String renamePattern;
        private String renameReplacement;

        private Builder() {
            super(DEFAULT_WAIT_TIMEOUT, DEFAULT_POLL_INTERVAL);
        }

        /** Restore under new names: {@code pattern} (regex) replaced by {@code replacement}. */
        public Builder rename(String pattern, String replacement) {
            this.renamePattern = pattern;
            this.renameReplacement = replacement;
            return this;
        }

        @Override
        boolean setOwn(String key, Object value, Map<String, ?> map) {
            switch (key) {
                case "rename_pattern" -> renamePattern = String.valueOf(value);
                case "rename_replacement" -> renameReplacement = String.valueOf(value);
                default -> {
                    return false;
                }
            }
            return true;
        }

        @Override
        Builder self() {
            return this;
        }

        public RestoreRequest build() {
            return new RestoreRequest(repository, snapshot, indices, renamePattern, renameReplacement, waitTimeout, pollInterval);
        }
    }
}
