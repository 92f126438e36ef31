package io.ictal.shell.internal.queue;

import io.ictal.api.review.ReviewDecision;
import io.ictal.api.review.ReviewException;
import io.ictal.api.review.ReviewItem;
import io.ictal.api.review.ReviewQueue;
import io.ictal.shell.internal.CommandFailure;
import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code ictal:queue-decide --confirm|--reject|--edit ONSET --edit OFFSET --reviewer NAME [--comment TEXT]
 * [--revision N] ID...} (Karaf wants the options before the arguments): records one decision for one
 * item, or for several at once (a cluster: all or none). Pending items are decided at their current
 * revision; changing an item someone already decided needs {@code --revision} (the one the admin
 * saw; one item only), so that nobody's decision is overwritten unseen.
 */
@Service
@Command(scope = "ictal", name = "queue-decide", description = "Confirms, rejects or edits one review item")
public class QueueDecideCommand implements Action {

    @Argument(index = 0, name = "ids", required = true, multiValued = true,
            description = "Item ids (ictal:queue and ictal:queue-clusters list them)")
    List<Long> ids;

    @Option(name = "--confirm", description = "Accept the event as detected")
    boolean confirm;

    @Option(name = "--reject", description = "Reject the event")
    boolean reject;

    @Option(name = "--edit", multiValued = true, description = "Accept with corrected ONSET and OFFSET (seconds;"
            + " give --edit twice: --edit 12.5 --edit 40)")
    List<Double> edit;

    @Option(name = "--reviewer", required = true, description = "Who decides")
    String reviewer;

    @Option(name = "--comment", description = "Free text")
    String comment = "";

    @Option(name = "--revision", description = "The revision the decision is based on (needed to change a decided item)")
    Long revision;

    @Reference(optional = true)
    ReviewQueue queue;

    @Override
    public Object execute() {
        ReviewQueue q = QueueCommand.require(queue);
        ReviewDecision decision = decision();
        if (revision != null && ids.size() != 1) {
            throw new CommandFailure("--revision applies to one item; decide several pending items without it");
        }
        try {
            List<ReviewItem> seen = new ArrayList<>();
            for (long id : ids) {
                ReviewItem current = q.item(id).orElseThrow(() -> new CommandFailure("no review item " + id));
                if (revision == null && current.state().decided()) {
                    throw new CommandFailure("item " + id + " is already " + current.state() + " by "
                            + current.reviewer() + " (revision " + current.revision() + "); pass --revision "
                            + current.revision() + " to change it");
                }
                seen.add(revision == null ? current : new ReviewItem(current.id(), current.recordingId(),
                        current.detection(), current.state(), current.reviewer(), current.decidedAt(),
                        current.comment(), revision, current.editedOnsetSeconds(), current.editedOffsetSeconds()));
            }
            for (ReviewItem decided : q.decideAll(seen, decision)) {
                System.out.println("item " + decided.id() + " " + decided.state() + " by " + decided.reviewer()
                        + " (revision " + decided.revision() + ")");
            }
        } catch (ReviewException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
        return null;
    }

    private ReviewDecision decision() {
        int chosen = (confirm ? 1 : 0) + (reject ? 1 : 0) + (edit != null && !edit.isEmpty() ? 1 : 0);
        if (chosen != 1) {
            throw new CommandFailure("give exactly one of --confirm, --reject, --edit ONSET --edit OFFSET");
        }
        try {
            if (confirm) {
                return ReviewDecision.confirm(reviewer, comment);
            }
            if (reject) {
                return ReviewDecision.reject(reviewer, comment);
            }
            if (edit.size() != 2) {
                throw new CommandFailure("--edit needs an onset and an offset: --edit 12.5 --edit 40");
            }
            return ReviewDecision.edit(reviewer, comment, edit.get(0), edit.get(1));
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
    }
}
