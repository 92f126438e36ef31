package io.ictal.inference.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Configuration PID {@code io.ictal.inference} ({@code etc/io.ictal.inference.cfg}). Besides these,
 * {@code pin.<task> = <version>} keys pin the active model of a task, e.g.
 * {@code pin.seizure-detection = 1.0.0}.
 */
@ObjectClassDefinition(name = "Ictal inference runtime",
        description = "ONNX Runtime threads and execution provider for every model bundle."
                + " Add pin.<task> = <version> to keep a model version active for a task.")
@interface InferenceConfig {

    @AttributeDefinition(name = "Intra-op threads",
            description = "Threads one inference may use inside an operator; 0 lets ONNX Runtime use one per core.")
    int intra_op_threads() default 0;

    @AttributeDefinition(name = "Inter-op threads",
            description = "Threads running independent operators of one graph in parallel; 0 lets ONNX Runtime choose.")
    int inter_op_threads() default 1;

    @AttributeDefinition(name = "Spin-wait",
            description = "Whether ONNX Runtime's threads busy-wait for work between inferences. Off by default: the"
                    + " detector builds images between batches, and spinning threads take the cores it needs.")
    boolean spin_wait() default false;

    @AttributeDefinition(name = "Execution provider",
            description = "CUDA needs the ictal-inference-cuda feature, CUDA 12, cuDNN 9 and a GPU; else CPU is used and logged.",
            options = {@Option(label = "CPU", value = "CPU"), @Option(label = "CUDA", value = "CUDA")})
    String execution_provider() default "CPU";

    @AttributeDefinition(name = "CUDA device", description = "GPU index when the execution provider is CUDA.")
    int cuda_device() default 0;
}
