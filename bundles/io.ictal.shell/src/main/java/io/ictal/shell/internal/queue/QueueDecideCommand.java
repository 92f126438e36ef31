package io.ictal.shell.internal.queue;

import io.ictal.api.review.ReviewConflictException;
import io.ictal.api.review.ReviewDecision;
import io.ictal.api.review.ReviewException;
import io.ictal.api.review.ReviewItem;
import io.ictal.api.review.ReviewQueue;
import io.ictal.shell.internal.CommandFailure;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code ictal:queue-decide --confirm|--reject|--edit ONSET --edit OFFSET --reviewer NAME [--comment TEXT]
 * [--revision N] ID} (Karaf wants the options before the argument): records a decision. A pending item is decided at its current revision; changing an
 * item someone already decided needs {@code --revision} (the one the admin saw), so that nobody's
 * decision is overwritten unseen.
 */
@Service
@Command(scope = "ictal", name = "queue-decide", description = "Confirms, rejects or edits one review item")
public class QueueDecideCommand implements Action {

    @Argument(index = 0, name = "id", required = true, description = "The item's id (ictal:queue lists them)")
    long id;

    @Option(name = "--confirm", description = "Accept the event as detected")
    boolean confirm;

    @Option(name = "--reject", description = "Reject the event")
    boolean reject;

    @Option(name = "--edit", multiValued = true, description = "Accept with corrected ONSET and OFFSET (seconds;"
            + " give --edit twice: --edit 12.5 --edit 40)")
    java.util.List<Double> edit;

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
        try {
            ReviewItem current = q.item(id).orElseThrow(() -> new CommandFailure("no review item " + id));
            if (revision == null && current.state().decided()) {
                throw new CommandFailure("item " + id + " is already " + current.state() + " by " + current.reviewer()
                        + " (revision " + current.revision() + "); pass --revision " + current.revision()
                        + " to change it");
            }
            ReviewItem decided = q.decide(id, revision == null ? current.revision() : revision, decision);
            System.out.println("item " + id + " " + decided.state() + " by " + decided.reviewer() + " (revision "
                    + decided.revision() + ")");
        } catch (ReviewConflictException e) {
            throw new CommandFailure(e.getMessage(), e);
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
