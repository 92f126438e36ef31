package io.ictal.api.model;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A hold on one loaded model. While a lease is open its model stays loaded even if a newer model
 * takes over the task or its bundle is removed; the engine's session is closed when its last lease
 * is closed. Lease per unit of work (a recording, a batch), not for ever: a newer model is only
 * picked up by the next lease.
 */
@ProviderType
public interface ModelLease extends AutoCloseable {

    /** The leased model; valid until {@link #close()}. */
    Model model();

    /** Releases the hold. Idempotent. */
    @Override
    void close();
}
