package io.opsstack.api.plan;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The state facts a plan depends on (sorted) and their SHA-256. Keeping the facts, not only the
 * hash, lets a stale check name exactly which facts changed.
 *
 * @param facts fact name to value, sorted by name; values are non-null
 * @param sha256 lower-case hex SHA-256 of the canonical form of {@code facts}
 */
public record StateFingerprint(SortedMap<String, String> facts, String sha256) implements Serializable {

    public StateFingerprint {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(sha256, "sha256");
        TreeMap<String, String> copy = new TreeMap<>();
        facts.forEach((key, value) -> copy.put(
                Objects.requireNonNull(key, "fact name"),
                Objects.requireNonNull(value, () -> "value of fact " + key)));
        String expected = hash(copy);
        if (!expected.equals(sha256)) {
            throw new IllegalArgumentException("state fingerprint " + sha256
                    + " does not match its facts (expected " + expected + ")");
        }
        facts = Collections.unmodifiableSortedMap(copy);
    }

    /** Fingerprints the given facts. */
    public static StateFingerprint of(Map<String, String> facts) {
        TreeMap<String, String> sorted = new TreeMap<>(facts);
        return new StateFingerprint(sorted, hash(sorted));
    }

    /**
     * What differs between these facts and {@code current}, one readable line per changed, added
     * or removed fact; empty when the state is unchanged.
     */
    public List<String> changesTo(Map<String, String> current) {
        TreeMap<String, String> now = new TreeMap<>(current);
        List<String> changes = new ArrayList<>();
        facts.forEach((name, planned) -> {
            String value = now.get(name);
            if (value == null) {
                changes.add("removed " + name + " (was " + planned + ")");
            } else if (!value.equals(planned)) {
                changes.add("changed " + name + ": " + planned + " -> " + value);
            }
        });
        now.forEach((name, value) -> {
            if (!facts.containsKey(name)) {
                changes.add("added " + name + ": " + value);
            }
        });
        return List.copyOf(changes);
    }

    /** First 12 hex digits, enough to tell plans apart on a console. */
    public String shortHash() {
        return sha256.substring(0, 12);
    }

    // Length-prefixed so that no choice of names and values can collide with another.
    private static String hash(SortedMap<String, String> facts) {
        StringBuilder canonical = new StringBuilder();
        facts.forEach((name, value) -> canonical.append(name.length()).append(':').append(name)
                .append(value.length()).append(':').append(value).append('\n'));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
