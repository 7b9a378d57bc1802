package io.opsstack.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsstack.api.error.OpsCancelledException;
import io.opsstack.api.error.OpsValidationException;

/**
 * Runs one command on many targets (what {@code cluster.sh}/pssh did), at most
 * {@code maxParallel} at a time. Fail-fast stops starting new hosts after the first failure
 * (running ones finish; the rest are SKIPPED); otherwise every host runs. Per-host failures are
 * reported in the result, never thrown. Thread-safe; each {@link #run} uses its own threads.
 */
public final class FanOut {
    private static final Logger LOG = LoggerFactory.getLogger(FanOut.class);

    private final SshExecutor executor;
    private final int maxParallel;
    private final boolean failFast;
    private final OutputListener listener;

    private FanOut(Builder builder) {
        this.executor = Objects.requireNonNull(builder.executor, "executor");
        if (builder.maxParallel < 1) {
            throw new OpsValidationException("maxParallel must be at least 1");
        }
        this.maxParallel = builder.maxParallel;
        this.failFast = builder.failFast;
        this.listener = builder.listener;
    }

    public static Builder builder(SshExecutor executor) {
        return new Builder(executor);
    }

    public FanOutResult run(List<SshTarget> targets, Command command) {
        if (targets.isEmpty()) {
            return new FanOutResult(command.display(), List.of());
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(Math.min(maxParallel, targets.size()), task -> {
            Thread thread = new Thread(task, "opsstack-fanout-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<HostResult>> futures = new ArrayList<>();
            for (SshTarget target : targets) {
                futures.add(threads.submit(() -> runOn(target, command, stop)));
            }
            List<HostResult> results = new ArrayList<>();
            for (Future<HostResult> future : futures) {
                results.add(future.get());
            }
            FanOutResult result = new FanOutResult(command.display(), results);
            LOG.info("`{}` on {} hosts: {}", result.command(), targets.size(), result.summary());
            return result;
        } catch (InterruptedException e) {
            throw OpsCancelledException.interrupted("running `" + command.display() + "` on " + targets.size() + " hosts", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("fan-out task failed unexpectedly", e.getCause());
        } finally {
            threads.shutdownNow();
        }
    }

    private HostResult runOn(SshTarget target, Command command, AtomicBoolean stop) {
        if (failFast && stop.get()) {
            return new HostResult(target, HostResult.Status.SKIPPED, null, null, null);
        }
        HostResult outcome = attempt(target, command);
        if (!outcome.succeeded()) {
            stop.set(true);
            LOG.warn("`{}` failed on {}: {}", command.display(), target, outcome.error());
        }
        return outcome;
    }

    private HostResult attempt(SshTarget target, Command command) {
        try {
            CommandResult result = executor.run(target, command, listener);
            return new HostResult(target, HostResult.Status.SUCCEEDED, result, null, null);
        } catch (RemoteCommandException e) {
            return new HostResult(target, HostResult.Status.FAILED, e.result(), command.mask(e.getMessage()),
                    e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            return new HostResult(target, HostResult.Status.FAILED, null, command.mask(e.getMessage()),
                    e.getClass().getSimpleName());
        }
    }

    /** Builder of {@link FanOut}; defaults: 10 hosts at a time, continue on failure, no listener. */
    public static final class Builder {
        private final SshExecutor executor;
        private int maxParallel = 10;
        private boolean failFast;
        private OutputListener listener;

        private Builder(SshExecutor executor) {
            this.executor = executor;
        }

        public Builder maxParallel(int hosts) {
            this.maxParallel = hosts;
            return this;
        }

        /** Stop starting hosts after the first failure. */
        public Builder failFast(boolean enabled) {
            this.failFast = enabled;
            return this;
        }

        /** Receives every host's output lines (concurrently from several hosts). */
        public Builder listener(OutputListener outputListener) {
            this.listener = outputListener;
            return this;
        }

        public FanOut build() {
            return new FanOut(this);
        }
    }
}
