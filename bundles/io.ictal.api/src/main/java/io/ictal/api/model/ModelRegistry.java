package io.ictal.api.model;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The models the inference bundle knows: one active model per task (the highest version unless the
 * administrator pins one), the valid others on standby, and the rejected bundles with the reason.
 */
@ProviderType
public interface ModelRegistry {

    /**
     * Leases the active model of a task: inference on it keeps using this model even while another
     * takes over.
     *
     * @throws ModelException naming the task when no valid model serves it
     */
    ModelLease lease(String task);

    /** The card of the active model of a task, if any. */
    Optional<ModelCard> active(String task);

    /** Every model bundle seen: active, standby and rejected, sorted by task, id and version. */
    List<ModelStatus> models();
}
