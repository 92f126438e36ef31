# Sourced by run.sh and training/detector/evaluate_events.py's shell: the class path that runs the
# detector outside OSGi. Needs `mvn -B install` of the simulator, detector, model bundle,
# spectrogram, EDF and inference modules first.
M2=${M2_REPO:-$HOME/.m2/repository}
: "${ICTAL_ROOT:?set ICTAL_ROOT to the repository root before sourcing classpath.sh}"
V=0.1.0-SNAPSHOT
DETECTOR_CP="$ICTAL_ROOT/bundles/io.ictal.detector/target/classes"
DETECTOR_CP="$DETECTOR_CP:$ICTAL_ROOT/bundles/io.ictal.inference/target/classes"
DETECTOR_CP="$DETECTOR_CP:$M2/io/ictal/io.ictal.spectrogram/$V/io.ictal.spectrogram-$V.jar"
DETECTOR_CP="$DETECTOR_CP:$M2/io/ictal/io.ictal.edf/$V/io.ictal.edf-$V.jar"
DETECTOR_CP="$DETECTOR_CP:$M2/io/ictal/io.ictal.api/$V/io.ictal.api-$V.jar"
DETECTOR_CP="$DETECTOR_CP:$M2/com/microsoft/onnxruntime/onnxruntime/1.29.0/onnxruntime-1.29.0.jar"
DETECTOR_CP="$DETECTOR_CP:$M2/com/google/code/gson/gson/2.13.2/gson-2.13.2.jar"
DETECTOR_CP="$DETECTOR_CP:$M2/org/slf4j/slf4j-api/1.7.36/slf4j-api-1.7.36.jar"
DETECTOR_CP="$DETECTOR_CP:$M2/org/slf4j/slf4j-simple/1.7.36/slf4j-simple-1.7.36.jar"
DETECTOR_CP="$DETECTOR_CP:$M2/org/osgi/osgi.core/7.0.0/osgi.core-7.0.0.jar"
SIMULATOR_CP="$ICTAL_ROOT/bundles/io.ictal.simulator/target/classes:$M2/io/ictal/io.ictal.api/$V/io.ictal.api-$V.jar"
SIMULATOR_CP="$SIMULATOR_CP:$M2/io/ictal/io.ictal.edf/$V/io.ictal.edf-$V.jar"
MODEL_JAR="$M2/io/ictal/io.ictal.model.seizure.cnn/$V/io.ictal.model.seizure.cnn-$V.jar"
for jar in $(echo "$DETECTOR_CP:$SIMULATOR_CP:$MODEL_JAR" | tr ':' ' '); do
  [ -e "$jar" ] || { echo "missing $jar: build the modules first (mvn install)" >&2; exit 1; }
done
