package io.ictal.inference.internal;

/**
 * How ONNX Runtime sessions are made, from {@link InferenceConfig}.
 *
 * @param intraOpThreads threads inside one operator, 0 for ONNX Runtime's default
 * @param interOpThreads threads across operators, 0 for ONNX Runtime's default
 * @param spinWait whether ONNX Runtime's threads busy-wait between inferences
 * @param executionProvider {@code CPU} or {@code CUDA}, what the administrator asked for
 * @param cudaDevice GPU index for CUDA
 */
record RuntimeSettings(int intraOpThreads, int interOpThreads, boolean spinWait, String executionProvider,
        int cudaDevice) {

    static final String CPU = "CPU";
    static final String CUDA = "CUDA";

    RuntimeSettings {
        if (intraOpThreads < 0 || interOpThreads < 0) {
            throw new IllegalArgumentException("io.ictal.inference: intra.op.threads and inter.op.threads must be >= 0"
                    + " (0: ONNX Runtime's default), were " + intraOpThreads + " and " + interOpThreads);
        }
        if (!CPU.equals(executionProvider) && !CUDA.equals(executionProvider)) {
            throw new IllegalArgumentException("io.ictal.inference: execution.provider must be CPU or CUDA, was '"
                    + executionProvider + "'");
        }
        if (cudaDevice < 0) {
            throw new IllegalArgumentException("io.ictal.inference: cuda.device must be >= 0, was " + cudaDevice);
        }
    }

    static RuntimeSettings from(InferenceConfig config) {
        return new RuntimeSettings(config.intra_op_threads(), config.inter_op_threads(), config.spin_wait(),
                config.execution_provider().trim().toUpperCase(java.util.Locale.ROOT), config.cuda_device());
    }

    static RuntimeSettings cpu(int threads) {
        return new RuntimeSettings(threads, 1, false, CPU, 0);
    }
}
