package io.opsstack.opensearch.internal.ops.tier;

import io.opsstack.opensearch.policy.PolicyProblem;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the tier runner will do, per index: its age, its phase and the steps that bring it to the
 * state the phase describes (none when it is there already).
 *
 * @param problems reasons the policy cannot run now (unknown attribute values, no disk room)
 * @param bytesToTier bytes that will move to each tier ({@code attr=value})
 * @param roomOfTier bytes each tier can take below the low watermark
 */
public record TierRunPlan(List<IndexPlan> indices, List<String> warnings, List<PolicyProblem> problems,
                          Map<String, Long> bytesToTier, Map<String, Long> roomOfTier) {

    public TierRunPlan {
        indices = List.copyOf(indices);
        warnings = List.copyOf(warnings);
        problems = List.copyOf(problems);
        bytesToTier = Map.copyOf(bytesToTier);
        roomOfTier = Map.copyOf(roomOfTier);
    }

    /** One index: {@code steps} is empty when the index is already in its phase's state. */
    public record IndexPlan(String index, Duration age, String phase, List<IndexStep> steps) {
        public IndexPlan {
            steps = List.copyOf(steps);
        }

        /** {@code logs-2026.11.20 (age 2d 3h, phase cold)}. */
        public String label() {
            return index + " (age " + readable(age) + ", phase " + phase + ")";
        }
    }

    /** The kinds of step, in the order the runner performs them for one index. */
    public enum Kind { OPEN, SETTINGS, AWAIT, FORCE_MERGE, CLOSE, DELETE }

    /**
     * @param before setting values before (SETTINGS only; absent = unset)
     * @param after setting values after (SETTINGS), or the step's parameter ({@code max_num_segments} for FORCE_MERGE)
     * @param summary the actions of the step in words, e.g. {@code replicas 0, allocation require temp=cold}
     * @param bytesToMove bytes of shard copies the step sends to another tier
     */
    public record IndexStep(Kind kind, Map<String, String> before, Map<String, String> after, String summary,
                            long bytesToMove) {
        public IndexStep {
            before = Map.copyOf(before);
            after = Map.copyOf(after);
        }
    }

    static String readable(Duration age) {
        long days = age.toDays();
        long hours = age.minusDays(days).toHours();
        return days > 0 ? days + "d " + hours + "h" : hours + "h " + age.minusHours(age.toHours()).toMinutes() + "m";
    }
}
