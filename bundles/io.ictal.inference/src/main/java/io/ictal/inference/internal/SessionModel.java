package io.ictal.inference.internal;

import io.ictal.api.model.FloatTensor;
import io.ictal.api.model.Model;
import io.ictal.api.model.ModelCard;
import io.ictal.api.model.ModelException;
import io.ictal.api.model.TensorSpec;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A {@link Model} on a {@link LoadedSession}. As a registered service it takes a use of the session
 * for each call ({@link #perCall}); inside a lease the lease holds the use ({@link #leased}).
 */
final class SessionModel implements Model {

    private final ModelCard card;
    private final LoadedSession session;
    private final boolean acquirePerCall;
    private final java.util.function.BooleanSupplier open;

    private SessionModel(ModelCard card, LoadedSession session, boolean acquirePerCall,
            java.util.function.BooleanSupplier open) {
        this.card = card;
        this.session = session;
        this.acquirePerCall = acquirePerCall;
        this.open = open;
    }

    /** The registered service: works until the model is unloaded. */
    static SessionModel perCall(ModelCard card, LoadedSession session) {
        return new SessionModel(card, session, true, () -> true);
    }

    /** The model of a lease: works while {@code open} says the lease is open. */
    static SessionModel leased(ModelCard card, LoadedSession session, java.util.function.BooleanSupplier open) {
        return new SessionModel(card, session, false, open);
    }

    @Override
    public ModelCard card() {
        return card;
    }

    @Override
    public String executionProvider() {
        return session.executionProvider();
    }

    @Override
    public Map<String, FloatTensor> run(Map<String, FloatTensor> inputs) {
        checkInputs(card, inputs);
        if (!open.getAsBoolean()) {
            throw new ModelException(name(card) + ": the lease was closed; lease the model again");
        }
        if (!acquirePerCall) {
            return session.run(inputs, name(card));
        }
        if (!session.tryAcquire()) {
            throw new ModelException(name(card) + " has been unloaded; lease the active model of task '"
                    + card.task() + "' from the ModelRegistry");
        }
        try {
            return session.run(inputs, name(card));
        } finally {
            session.release();
        }
    }

    static String name(ModelCard card) {
        return "model " + card.id() + " " + card.version();
    }

    /** Every card input present, no other, each fitting its shape, one batch size for all. */
    static void checkInputs(ModelCard card, Map<String, FloatTensor> inputs) {
        Set<String> expected = new HashSet<>();
        long batch = -1;
        for (TensorSpec spec : card.input().tensors()) {
            expected.add(spec.name());
            FloatTensor t = inputs.get(spec.name());
            if (t == null) {
                throw new ModelException(name(card) + ": input '" + spec.name() + "' is missing");
            }
            if (!spec.accepts(t.shape())) {
                throw new ModelException(name(card) + ": input '" + spec.name() + "' has shape "
                        + Arrays.toString(t.shape()) + ", expected " + spec.shape() + " (-1: any size)");
            }
            if (batch >= 0 && t.dim(0) != batch) {
                throw new ModelException(name(card) + ": input '" + spec.name() + "' has batch size " + t.dim(0)
                        + ", the other inputs " + batch);
            }
            batch = t.dim(0);
        }
        for (String name : inputs.keySet()) {
            if (!expected.contains(name)) {
                throw new ModelException(name(card) + ": unknown input '" + name + "'; the inputs are " + expected);
            }
        }
    }

    @Override
    public String toString() {
        return name(card) + " (" + card.task() + ", " + session.executionProvider() + ")";
    }
}
