package io.opsstack.testkit.fault.internal;

import io.opsstack.testkit.fault.FaultSpec;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The faults still to inject, in the order they were added: each has a remaining count (or none
 * for "always"); the first rule that applies to a connection or request is used up by one.
 * Thread-safe.
 */
public final class FaultRules {
    private static final int ALWAYS = -1;

    private final List<Rule> rules = new ArrayList<>();

    public synchronized void add(int count, FaultSpec spec) {
        rules.add(new Rule(spec, count));
    }

    public synchronized void addAlways(FaultSpec spec) {
        rules.add(new Rule(spec, ALWAYS));
    }

    public synchronized void clear() {
        rules.clear();
    }

    /** The connection-level fault for a newly accepted connection, or null. */
    public synchronized FaultSpec takeForConnection() {
        return take(true, null, null);
    }

    /** The request-level fault for this request, or null to forward it faithfully. */
    public synchronized FaultSpec takeForRequest(String method, String path) {
        return take(false, method, path);
    }

    private FaultSpec take(boolean connectionLevel, String method, String path) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
            Rule rule = it.next();
            if (rule.spec.connectionLevel() != connectionLevel
                    || (!connectionLevel && !rule.spec.matches(method, path))) {
                continue;
            }
            if (rule.remaining != ALWAYS && --rule.remaining == 0) {
                it.remove();
            }
            return rule.spec;
        }
        return null;
    }

    private static final class Rule {
        private final FaultSpec spec;
        private int remaining;

        private Rule(FaultSpec spec, int remaining) {
            this.spec = spec;
            this.remaining = remaining;
        }
    }
}
