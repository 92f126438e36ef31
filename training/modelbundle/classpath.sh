# Sourced by validate.sh and benchmarks/inference/run.sh: the class path that runs the inference
# runtime's classes outside OSGi (its target/classes plus its dependencies from the local Maven
# repository). Needs `mvn -B -f bundles/io.ictal.inference/pom.xml install -DskipTests` first.
M2=${M2_REPO:-$HOME/.m2/repository}
: "${ICTAL_ROOT:?set ICTAL_ROOT to the repository root before sourcing classpath.sh}"
INFERENCE_CP="$ICTAL_ROOT/bundles/io.ictal.inference/target/classes"
INFERENCE_CP="$INFERENCE_CP:$M2/io/ictal/io.ictal.api/0.1.0-SNAPSHOT/io.ictal.api-0.1.0-SNAPSHOT.jar"
INFERENCE_CP="$INFERENCE_CP:$M2/com/microsoft/onnxruntime/onnxruntime/1.29.0/onnxruntime-1.29.0.jar"
INFERENCE_CP="$INFERENCE_CP:$M2/com/google/code/gson/gson/2.13.2/gson-2.13.2.jar"
INFERENCE_CP="$INFERENCE_CP:$M2/org/slf4j/slf4j-api/1.7.36/slf4j-api-1.7.36.jar"
INFERENCE_CP="$INFERENCE_CP:$M2/org/slf4j/slf4j-simple/1.7.36/slf4j-simple-1.7.36.jar"
INFERENCE_CP="$INFERENCE_CP:$M2/org/osgi/osgi.core/7.0.0/osgi.core-7.0.0.jar"
for jar in $(echo "$INFERENCE_CP" | tr ':' ' '); do
  [ -e "$jar" ] || { echo "missing $jar: build the inference runtime first (mvn install)" >&2; exit 1; }
done
