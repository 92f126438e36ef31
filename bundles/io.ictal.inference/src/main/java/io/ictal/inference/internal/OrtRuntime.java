package io.ictal.inference.internal;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession.SessionOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes ONNX Runtime sessions. The environment is a per-JVM singleton of ONNX Runtime; its native
 * library is loaded by this bundle's class loader the first time, which is why the bundle is never
 * refreshed. CUDA is used when asked for and available; otherwise the session runs on CPU and the
 * log says why, once per cause.
 */
final class OrtRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(OrtRuntime.class);

    private final OrtEnvironment environment;
    private final RuntimeSettings settings;
    private volatile boolean cudaMissingLogged;

    OrtRuntime(RuntimeSettings settings) {
        this.settings = settings;
        this.environment = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING, "ictal");
        try {
            environment.setTelemetry(false);
        } catch (OrtException | UnsupportedOperationException e) {
            // Only Windows builds have telemetry events; elsewhere ORT_DISABLE_TELEMETRY in bin/setenv covers it.
            LOG.debug("ONNX Runtime telemetry switch not available: {}", e.getMessage());
        }
    }

    OrtEnvironment environment() {
        return environment;
    }

    /**
     * Loads a graph on the configured execution provider, falling back to CPU.
     *
     * @param file the graph's path in its bundle, for messages
     * @throws ModelBundleException when ONNX Runtime cannot load the graph at all
     */
    LoadedSession load(String file, byte[] graph) throws ModelBundleException {
        if (RuntimeSettings.CUDA.equals(settings.executionProvider())) {
            if (!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
                if (!cudaMissingLogged) {
                    cudaMissingLogged = true;
                    LOG.warn("execution.provider=CUDA but this ONNX Runtime build has no CUDA execution provider"
                            + " (the CPU jar is installed; install feature ictal-inference-cuda): running on CPU");
                }
            } else {
                try (SessionOptions options = options()) {
                    options.addCUDA(settings.cudaDevice());
                    return new LoadedSession(environment, environment.createSession(graph, options),
                            RuntimeSettings.CUDA);
                } catch (OrtException e) {
                    LOG.warn("{}: CUDA execution provider failed on device {} (it needs CUDA 12, cuDNN 9 and a GPU):"
                            + " {}; running on CPU", file, settings.cudaDevice(), e.getMessage());
                }
            }
        }
        try (SessionOptions options = options()) {
            return new LoadedSession(environment, environment.createSession(graph, options), RuntimeSettings.CPU);
        } catch (OrtException e) {
            throw new ModelBundleException(file, "ONNX Runtime cannot load the graph: " + e.getMessage(), e);
        }
    }

    private SessionOptions options() throws OrtException {
        SessionOptions options = new SessionOptions();
        try {
            options.setOptimizationLevel(SessionOptions.OptLevel.ALL_OPT);
            // ORT's own keys (onnxruntime_session_options_config_keys.h); spinning is its default.
            options.addConfigEntry("session.intra_op.allow_spinning", settings.spinWait() ? "1" : "0");
            options.addConfigEntry("session.inter_op.allow_spinning", settings.spinWait() ? "1" : "0");
            if (settings.intraOpThreads() > 0) {
                options.setIntraOpNumThreads(settings.intraOpThreads());
            }
            if (settings.interOpThreads() > 0) {
                options.setInterOpNumThreads(settings.interOpThreads());
            }
            return options;
        } catch (OrtException e) {
            options.close();
            throw e;
        }
    }
}
