package io.opsstack.opensearch.internal.ops.tier;

import io.opsstack.opensearch.internal.ops.TierPlacement;
import io.opsstack.opensearch.model.ShardRow;
import io.opsstack.opensearch.policy.AllocationRule;
import io.opsstack.opensearch.policy.IndexAge;
import io.opsstack.opensearch.policy.PolicyPhase;
import io.opsstack.opensearch.policy.PolicyProblem;
import io.opsstack.opensearch.policy.TierAction;
import io.opsstack.opensearch.policy.TierPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The planning core of the tier runner, on in-memory state: for each index its age (from its name or
 * creation date), its phase, and the steps that bring it to the phase's state, in this order: open,
 * one settings step (replicas, allocation filters, priority, write block together), a per-index wait
 * for placement, force merge, close — or only delete. Steps already done are left out, so planning
 * again after a run yields no steps. Pure and thread-confined.
 */
public final class TierRunPlanner {
    static final String REPLICAS = "index.number_of_replicas";
    static final String SHARDS = "index.number_of_shards";
    static final String PRIORITY = "index.priority";
    static final String WRITE_BLOCK = "index.blocks.write";
    static final String MAX_SEGMENTS = "max_num_segments";

    private final TierPolicy policy;
    private final ClusterView view;
    private final Instant now;
    private final AllocationFilters filters;
    private final IndexAge.NameDates nameDates;

    public TierRunPlanner(TierPolicy policy, ClusterView view, Instant now) {
        this.policy = policy;
        this.view = view;
        this.now = now;
        this.filters = new AllocationFilters(view.dataNodes());
        this.nameDates = policy.age().source() == IndexAge.Source.INDEX_NAME ? policy.age().nameDates() : null;
    }

    public TierRunPlan plan() {
        List<String> warnings = new ArrayList<>();
        List<PolicyProblem> problems = new ArrayList<>(attributeProblems());
        Map<String, List<ShardRow>> copiesByIndex = new HashMap<>();
        for (ShardRow row : view.shards()) {
            copiesByIndex.computeIfAbsent(row.index(), k -> new ArrayList<>()).add(row);
        }
        for (PolicyPhase phase : policy.phases()) {
            if (phase.rollover() != null) {
                warnings.add("phase " + phase.name() + " has rollover conditions, which only ISM runs; the tier runner ignores them");
            }
        }
        List<ClusterView.IndexState> indices = new ArrayList<>(view.indices());
        indices.sort(Comparator.comparing(ClusterView.IndexState::name));
        List<TierRunPlan.IndexPlan> plans = new ArrayList<>();
        Map<String, Long> bytesToTier = new TreeMap<>();
        for (ClusterView.IndexState index : indices) {
            Duration age = ageOf(index);
            if (age == null) {
                warnings.add("skipped " + index.name() + ": " + (nameDates != null
                        ? "its name does not fit " + policy.age().namePattern() : "its creation date is unknown"));
                continue;
            }
            PolicyPhase phase = policy.phaseFor(age);
            List<TierRunPlan.IndexStep> steps = steps(index, phase, copiesByIndex.getOrDefault(index.name(), List.of()),
                    bytesToTier);
            plans.add(new TierRunPlan.IndexPlan(index.name(), age, phase.name(), steps));
        }
        Map<String, Long> roomOfTier = new TreeMap<>();
        bytesToTier.forEach((tier, bytes) -> {
            long room = roomOf(tier);
            roomOfTier.put(tier, room);
            if (bytes > room) {
                problems.add(new PolicyProblem("disk-room-below-low-watermark", null, ByteSizes.format(bytes)
                        + " would move to " + tier + ", but its nodes have only " + ByteSizes.format(room)
                        + " left below the low watermark (" + view.lowWatermark() + ")"));
            }
        });
        return new TierRunPlan(plans, warnings, problems, bytesToTier, roomOfTier);
    }

    /** Every attribute value an allocation action targets must exist on some data node. */
    public List<PolicyProblem> attributeProblems() {
        List<PolicyProblem> problems = new ArrayList<>();
        for (PolicyPhase phase : policy.phases()) {
            for (TierAction action : phase.actions()) {
                if (action instanceof TierAction.Allocation a && view.dataNodes().stream()
                        .noneMatch(n -> a.value().equals(n.attributes().get(a.attribute())))) {
                    problems.add(new PolicyProblem("attribute-value-exists", phase.name(), "no data node has node attribute "
                            + a.attribute() + "=" + a.value() + "; values present: " + valuesOf(a.attribute())));
                }
            }
        }
        return problems;
    }

    /** Bytes the data nodes of {@code tier} ({@code attr=value}) can take below the low watermark. */
    long roomOf(String tier) {
        int eq = tier.indexOf('=');
        String attribute = tier.substring(0, eq);
        String value = tier.substring(eq + 1);
        return view.dataNodes().stream().filter(n -> value.equals(n.attributes().get(attribute)))
                .mapToLong(n -> n.room(view.lowWatermark())).sum();
    }

    private Duration ageOf(ClusterView.IndexState index) {
        Instant born = nameDates != null ? nameDates.dateOf(index.name()) : index.creationDate();
        if (born == null) {
            return null;
        }
        Duration age = Duration.between(born, now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    private List<TierRunPlan.IndexStep> steps(ClusterView.IndexState index, PolicyPhase phase, List<ShardRow> copies,
                                              Map<String, Long> bytesToTier) {
        List<TierRunPlan.IndexStep> steps = new ArrayList<>();
        if (phase.deletes()) {
            steps.add(step(TierRunPlan.Kind.DELETE, Map.of(), Map.of(), "delete", 0));
            return steps;
        }
        boolean opens = !index.open() && has(phase, TierAction.Open.class);
        if (opens) {
            steps.add(step(TierRunPlan.Kind.OPEN, Map.of(), Map.of(), "open", 0));
        }
        boolean open = index.open() || opens;
        Map<String, String> before = new LinkedHashMap<>();
        Map<String, String> after = new LinkedHashMap<>();
        List<String> summary = new ArrayList<>();
        List<String> tiers = new ArrayList<>();
        for (TierAction action : phase.actions()) {
            String key = null;
            String value = null;
            if (action instanceof TierAction.ReplicaCount r) {
                key = REPLICAS;
                value = Integer.toString(r.replicas());
            } else if (action instanceof TierAction.Allocation a) {
                key = a.setting();
                value = a.value();
                if (a.rule() != AllocationRule.EXCLUDE) {
                    tiers.add(a.attribute() + "=" + a.value());
                }
            } else if (action instanceof TierAction.IndexPriority p) {
                key = PRIORITY;
                value = Integer.toString(p.priority());
            } else if (action instanceof TierAction.ReadOnly) {
                key = WRITE_BLOCK;
                value = "true";
            } else if (action instanceof TierAction.ReadWrite) {
                key = WRITE_BLOCK;
                value = "false";
            }
            String current = key == null ? null : index.setting(key);
            boolean unchanged = key == null || value.equals(current)
                    || (action instanceof TierAction.ReadWrite && current == null);
            if (!unchanged) {
                if (current != null) {
                    before.put(key, current);
                }
                after.put(key, value);
                summary.add(action.toString());
            }
        }
        boolean changes = !after.isEmpty();
        long moving = 0;
        boolean placesData = has(phase, TierAction.Allocation.class) || has(phase, TierAction.ReplicaCount.class);
        if (open && placesData) {
            Map<String, String> resulting = new HashMap<>(index.settings());
            resulting.putAll(after);
            Set<String> allowed = filters.allowedNodes(resulting);
            TierPlacement placement = TierPlacement.ofCopies(index.name(), copies, allowed);
            int expected = expectedCopies(resulting);
            if (changes || !placement.complete() || (expected > 0 && placement.copies() != expected)) {
                moving = movingBytes(copies, allowed, resulting);
                for (String tier : tiers) {
                    bytesToTier.merge(tier, moving, Long::sum);
                }
                if (changes) {
                    steps.add(step(TierRunPlan.Kind.SETTINGS, before, after, String.join(", ", summary), moving));
                }
                steps.add(step(TierRunPlan.Kind.AWAIT, Map.of(), Map.of(), "wait until every shard copy is STARTED on "
                        + (tiers.isEmpty() ? "an allowed node" : String.join(" and ", tiers)), moving));
            }
        } else if (changes) {
            steps.add(step(TierRunPlan.Kind.SETTINGS, before, after, String.join(", ", summary), 0));
        }
        TierAction.ForceMerge merge = phase.actions().stream().filter(TierAction.ForceMerge.class::isInstance)
                .map(TierAction.ForceMerge.class::cast).findFirst().orElse(null);
        if (merge != null && open && (!steps.isEmpty() || phase.actions().size() == 1)) {
            steps.add(step(TierRunPlan.Kind.FORCE_MERGE, Map.of(), Map.of(MAX_SEGMENTS, Integer.toString(merge.maxSegments())),
                    merge.toString(), 0));
        }
        if (open && has(phase, TierAction.Close.class)) {
            steps.add(step(TierRunPlan.Kind.CLOSE, Map.of(), Map.of(), "close", 0));
        }
        return steps;
    }

    /** Bytes of the copies that must land on allowed nodes: the primaries' size times the resulting copy count. */
    private static long movingBytes(List<ShardRow> copies, Set<String> allowed, Map<String, String> settings) {
        long primaryBytes = 0;
        for (ShardRow row : copies) {
            if (row.primary() && !(row.node() != null && allowed.contains(row.node()) && row.relocatingTo() == null)) {
                primaryBytes += row.storeBytes() == null ? 0 : row.storeBytes();
            }
        }
        return primaryBytes * (1 + parseOr(settings.get(REPLICAS), 0));
    }

    private static int expectedCopies(Map<String, String> settings) {
        int shards = parseOr(settings.get(SHARDS), 0);
        return shards * (1 + parseOr(settings.get(REPLICAS), 0));
    }

    private static int parseOr(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private String valuesOf(String attribute) {
        return view.dataNodes().stream().map(n -> n.attributes().get(attribute)).filter(v -> v != null)
                .distinct().sorted().toList().toString();
    }

    private static boolean has(PolicyPhase phase, Class<? extends TierAction> type) {
        return phase.actions().stream().anyMatch(type::isInstance);
    }

    private static TierRunPlan.IndexStep step(TierRunPlan.Kind kind, Map<String, String> before, Map<String, String> after,
                                              String summary, long bytes) {
        return new TierRunPlan.IndexStep(kind, before, after, summary, bytes);
    }
}
