package io.ictal.inference.internal;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.ictal.api.model.FloatTensor;
import io.ictal.api.model.ModelException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ONNX Runtime session, shared by every thread that runs its model (ONNX Runtime's run is
 * thread-safe, so a second session of the same graph would only double the memory). Reference
 * counted: a swap retires the session, and it is closed when its last user releases it, so
 * inferences in flight finish on it while new ones already go to its successor.
 */
final class LoadedSession {

    private static final Logger LOG = LoggerFactory.getLogger(LoadedSession.class);

    /** Shape and element type of a graph input or output, as ONNX Runtime reports it (-1: dynamic). */
    record GraphTensor(long[] shape, boolean isFloat, String type) {
    }

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final String executionProvider;
    private int users;
    private boolean retired;
    private boolean closed;

    LoadedSession(OrtEnvironment environment, OrtSession session, String executionProvider) {
        this.environment = environment;
        this.session = session;
        this.executionProvider = executionProvider;
    }

    String executionProvider() {
        return executionProvider;
    }

    Map<String, GraphTensor> inputs() throws OrtException {
        return describe(session.getInputInfo());
    }

    Map<String, GraphTensor> outputs() throws OrtException {
        return describe(session.getOutputInfo());
    }

    private static Map<String, GraphTensor> describe(Map<String, NodeInfo> nodes) {
        Map<String, GraphTensor> out = new LinkedHashMap<>();
        nodes.forEach((name, node) -> {
            if (node.getInfo() instanceof TensorInfo t) {
                out.put(name, new GraphTensor(t.getShape(), t.type == OnnxJavaType.FLOAT, t.type.name()));
            } else {
                out.put(name, new GraphTensor(new long[0], false, node.getInfo().toString()));
            }
        });
        return out;
    }

    /** Registers a user unless the session is retired. */
    synchronized boolean tryAcquire() {
        if (retired) {
            return false;
        }
        users++;
        return true;
    }

    void release() {
        boolean closeNow;
        synchronized (this) {
            users--;
            closeNow = retired && users == 0 && !closed;
            closed |= closeNow;
        }
        if (closeNow) {
            close();
        }
    }

    /** No new users from now on; closes at once if nobody uses it, else when the last user releases it. */
    void retire() {
        boolean closeNow;
        synchronized (this) {
            retired = true;
            closeNow = users == 0 && !closed;
            closed |= closeNow;
        }
        if (closeNow) {
            close();
        }
    }

    synchronized boolean isClosed() {
        return closed;
    }

    private void close() {
        try {
            session.close();
        } catch (OrtException e) {
            LOG.warn("closing an ONNX Runtime session failed: {}", e.getMessage());
        }
    }

    /**
     * Runs the graph. The caller holds a use ({@link #tryAcquire()}) and has checked the inputs
     * against the card.
     */
    Map<String, FloatTensor> run(Map<String, FloatTensor> inputs, String modelName) {
        Map<String, OnnxTensor> tensors = new HashMap<>();
        try {
            for (Map.Entry<String, FloatTensor> e : inputs.entrySet()) {
                tensors.put(e.getKey(), OnnxTensor.createTensor(environment, e.getValue().buffer(), e.getValue().shape()));
            }
            try (OrtSession.Result result = session.run(tensors)) {
                Map<String, FloatTensor> out = new LinkedHashMap<>();
                for (Map.Entry<String, OnnxValue> e : result) {
                    if (!(e.getValue() instanceof OnnxTensor t) || t.getInfo().type != OnnxJavaType.FLOAT) {
                        throw new ModelException(modelName + ": output '" + e.getKey() + "' is not a float tensor");
                    }
                    FloatBuffer values = t.getFloatBuffer();
                    float[] data = new float[values.remaining()];
                    values.get(data);
                    out.put(e.getKey(), FloatTensor.of(t.getInfo().getShape(), data));
                }
                return out;
            }
        } catch (OrtException e) {
            throw new ModelException(modelName + ": inference failed: " + e.getMessage(), e);
        } finally {
            List<OnnxTensor> created = new ArrayList<>(tensors.values());
            created.forEach(OnnxTensor::close);
        }
    }
}
