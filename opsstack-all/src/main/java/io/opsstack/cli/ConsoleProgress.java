package io.opsstack.cli;

import io.opsstack.api.event.ProgressListener;
import io.opsstack.api.event.StepEvent;
import io.opsstack.api.event.StepProgress;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;
import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One line per event for CI logs and terminals: time, the step's position in the plan, its id and
 * what happened; progress lines add the percentage, e.g.
 * {@code 10:15:02 [2/3] wait-logs-1: progress 3/4 shards (75%), eta 12s}.
 */
final class ConsoleProgress implements ProgressListener {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final PrintStream out;
    private final Plan plan;

    ConsoleProgress(PrintStream out, Plan plan) {
        this.out = out;
        this.plan = plan;
    }

    @Override
    public void onEvent(StepEvent event) {
        StringBuilder line = new StringBuilder(TIME.format(event.timestamp())).append(' ');
        if (event.stepId() != null) {
            plan.step(event.stepId()).map(PlannedStep::index)
                    .ifPresent(index -> line.append('[').append(index).append('/').append(plan.steps().size()).append("] "));
            line.append(event.stepId()).append(": ");
        }
        line.append(withPercent(event));
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    private static String withPercent(StepEvent event) {
        String text = event.describe();
        if (event instanceof StepProgress progress && progress.total() > 0) {
            String head = "progress " + progress.done() + "/" + progress.total() + " " + progress.unit();
            if (text.startsWith(head)) {
                long percent = Math.min(100, progress.done() * 100 / progress.total());
                return head + " (" + percent + "%)" + text.substring(head.length());
            }
        }
        return text;
    }
}
