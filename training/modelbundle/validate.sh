#!/bin/sh
# Validates model bundle jars exactly as the inference runtime does when they start in Karaf:
# card, SHA-256s, ONNX Runtime load, tensor names/shapes/types, and the golden pair (computed
# with PyTorch) replayed with ONNX Runtime. Exit code 1 when any model is rejected.
#
#   mvn -B -f bundles/io.ictal.inference/pom.xml install -DskipTests
#   sh training/modelbundle/validate.sh io.ictal.model.detector-1.0.0.jar ...
set -eu
ICTAL_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ICTAL_ROOT/training/modelbundle/classpath.sh"
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$INFERENCE_CP" \
    io.ictal.inference.internal.ValidateModelBundle "$@"
