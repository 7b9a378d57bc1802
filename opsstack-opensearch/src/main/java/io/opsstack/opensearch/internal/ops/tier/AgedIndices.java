package io.opsstack.opensearch.internal.ops.tier;

import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.model.IndexRow;
import io.opsstack.opensearch.policy.IndexAge;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Indices matching patterns, each with its age from its name or creation date; those without an age are listed apart. */
record AgedIndices(List<AgedIndex> indices, List<String> skipped) {

    /** One index and its age (never negative). */
    record AgedIndex(IndexRow row, Duration age) {
        String name() {
            return row.index();
        }

        boolean open() {
            return "open".equals(row.status());
        }
    }

    AgedIndices {
        indices = List.copyOf(indices);
        skipped = List.copyOf(skipped);
    }

    static AgedIndices select(OpenSearchOps client, List<String> patterns, IndexAge age, Instant now) {
        IndexAge.NameDates dates = age.source() == IndexAge.Source.INDEX_NAME ? age.nameDates() : null;
        List<AgedIndex> indices = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (IndexRow row : client.indices(patterns.toArray(String[]::new))) {
            Instant born = dates != null ? dates.dateOf(row.index()) : row.creationDate();
            if (born == null) {
                skipped.add(row.index());
                continue;
            }
            Duration value = Duration.between(born, now);
            indices.add(new AgedIndex(row, value.isNegative() ? Duration.ZERO : value));
        }
        indices.sort(Comparator.comparing(AgedIndex::name));
        skipped.sort(Comparator.naturalOrder());
        return new AgedIndices(indices, skipped);
    }
}
