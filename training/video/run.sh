#!/bin/sh
# One command: simulate the videos, dump snippets through the Java decoding path, train the STCNN and
# the BLSTM, evaluate on held-out simulated patients, export both graphs, write the cards and the
# model bundle's resources. Needs: mvn -B -o -f bundles/io.ictal.video/pom.xml install -DskipTests
# (the bundle jar carries jcodec and the simulator) and Debian python3-torch/python3-onnx.
#   sh training/video/run.sh [WORK_DIR]          (default /tmp/ictal-video)
# A hospital's own data: put videos + labels.csv in a folder and run
#   java -cp $JAR io.ictal.video.internal.SnippetDumper FOLDER OUT_DIR 2
# then train.py --train OUT_DIR --test OTHER_OUT_DIR (see README.md).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${1:-/tmp/ictal-video}
JAR=$ROOT/bundles/io.ictal.video/target/io.ictal.video-0.1.0-SNAPSHOT.jar
[ -e "$JAR" ] || { echo "missing $JAR: mvn -B -o -f bundles/io.ictal.video/pom.xml install -DskipTests" >&2; exit 1; }
mkdir -p "$WORK"
SIM="nice -n 10 java -cp $JAR io.ictal.video.internal.VideoSimulatorMain"
DUMP="nice -n 10 java -cp $JAR io.ictal.video.internal.SnippetDumper"
# Patients (appearance seeds) 0-11 train, 500-504 test: no patient, and no clip seed, in both.
[ -e "$WORK/train-videos/labels.csv" ] || $SIM --dataset "$WORK/train-videos" --patients 0-11 --clips 6 --threads 2
[ -e "$WORK/test-videos/labels.csv" ] || $SIM --dataset "$WORK/test-videos" --patients 500-504 --clips 6 --threads 2
[ -e "$WORK/train/index.csv" ] || $DUMP "$WORK/train-videos" "$WORK/train" 2
[ -e "$WORK/test/index.csv" ] || $DUMP "$WORK/test-videos" "$WORK/test" 2
cd "$ROOT"
nice -n 10 /usr/bin/python3 training/video/train.py --train "$WORK/train" --test "$WORK/test" --out "$WORK/model" \
    --bundle bundles/io.ictal.model.video.gestures/src/main/resources/model
