package io.ictal.shell.internal.queue;

import io.ictal.api.review.ReviewFilter;
import io.ictal.api.review.ReviewQueue;
import io.ictal.api.review.ReviewState;
import io.ictal.shell.internal.CommandFailure;
import io.ictal.shell.internal.Json;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code ictal:queue [--json] [--recording ID] [--state S]...}: lists review items. */
@Service
@Command(scope = "ictal", name = "queue", description = "Lists the review queue's items with their state")
public class QueueCommand implements Action {

    @Option(name = "--json", description = "Print the stable JSON form (schema " + QueueReport.SCHEMA + ")")
    boolean json;

    @Option(name = "--recording", description = "Only this recording's items")
    String recording;

    @Option(name = "--state", multiValued = true,
            description = "Only items in this state: pending, confirmed, rejected, edited (repeatable)")
    List<String> states;

    @Reference(optional = true)
    ReviewQueue queue;

    @Override
    public Object execute() {
        ReviewQueue q = require(queue);
        ReviewFilter filter = ReviewFilter.all().withRecording(recording).withStates(states(states));
        QueueReport report = QueueReport.of(q.items(filter));
        System.out.print(json ? Json.write(report) + "\n" : report.toText());
        return null;
    }

    static ReviewQueue require(ReviewQueue queue) {
        if (queue == null) {
            throw new CommandFailure("the review queue is not running (no ReviewQueue service): install feature"
                    + " ictal-review and check its database settings in etc/io.ictal.review.cfg");
        }
        return queue;
    }

    static Set<ReviewState> states(List<String> names) {
        Set<ReviewState> states = EnumSet.noneOf(ReviewState.class);
        for (String name : names == null ? List.<String>of() : names) {
            try {
                states.add(ReviewState.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new CommandFailure("--state: expected pending, confirmed, rejected or edited, was '" + name + "'");
            }
        }
        return states;
    }
}
