package io.ictal.review.internal.store;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import io.ictal.api.detection.Detection;
import io.ictal.api.detection.Explanation;
import io.ictal.api.detection.ModelIdentity;
import io.ictal.api.review.RecordingDescriptor;
import io.ictal.api.review.ReviewConflictException;
import io.ictal.api.review.ReviewDecision;
import io.ictal.api.review.ReviewException;
import io.ictal.api.review.ReviewFilter;
import io.ictal.api.review.ReviewItem;
import io.ictal.api.review.ReviewQueue;
import io.ictal.api.review.ReviewState;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The review queue on JDBC. Every method is one transaction; decisions update a row only at the
 * revision the reviewer saw ({@code UPDATE ... WHERE revision = ?}), so of two reviewers deciding
 * the same item the second gets a {@link ReviewConflictException}, and every decision is also kept
 * in {@code review_decision} (who changed what, in order).
 */
@Component(service = ReviewQueue.class, configurationPid = JdbcReviewQueue.PID)
@Designate(ocd = JdbcReviewQueue.Config.class)
public final class JdbcReviewQueue implements ReviewQueue, AutoCloseable {

    public static final String PID = "io.ictal.review";

    @ObjectClassDefinition(name = "Ictal review queue",
            description = "Where the review queue is stored: the embedded H2 file database under Karaf's data/"
                    + " folder unless a PostgreSQL URL is given.")
    public @interface Config {

        @AttributeDefinition(name = "JDBC URL", required = false, description = "Empty for the embedded H2 file"
                + " database data/ictal/review.mv.db; or e.g. jdbc:postgresql://db.example:5432/ictal")
        String jdbc_url() default "";

        @AttributeDefinition(name = "User", required = false)
        String jdbc_user() default "";

        @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
        String jdbc_password() default "";
    }

    private static final Gson GSON = new Gson();
    private static final Type CHANNELS = new TypeToken<List<String>>() { }.getType();
    private static final Type SCORES = new TypeToken<Map<String, Double>>() { }.getType();
    private static final String COLUMNS = "id, recording_id, model_id, model_version, model_sha256, detection_id, task,"
            + " label, onset_seconds, duration_seconds, channels, confidence, scores, explanation_type,"
            + " explanation_caption, explanation_image, state, reviewer, decided_at_ms, review_comment, edited_onset,"
            + " edited_offset, revision";

    private final Database db;
    private final Clock clock;

    @Activate
    public JdbcReviewQueue(Config config) {
        this(config.jdbc_url().isBlank()
                ? Database.embeddedH2(Path.of(System.getProperty("karaf.data", "data"), "ictal"))
                : new Database(config.jdbc_url().trim(), config.jdbc_user(), config.jdbc_password()),
                Clock.systemUTC());
    }

    /** Migrates the schema to the latest version. */
    public JdbcReviewQueue(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        Migrations.migrate(db);
    }

    @Deactivate
    @Override
    public void close() {
        db.close();
    }

    /** Which database, for the shell (no password). */
    public String describe() {
        return db.describe();
    }

    @Override
    public List<ReviewItem> ingest(String recordingId, List<Detection> detections) {
        Objects.requireNonNull(recordingId, "recordingId");
        if (recordingId.isBlank()) {
            throw new IllegalArgumentException("recordingId must not be blank");
        }
        List<Detection> given = List.copyOf(detections);
        return db.transaction("ingesting " + given.size() + " detections of recording '" + recordingId + "'", c -> {
            List<ReviewItem> items = new ArrayList<>(given.size());
            long now = clock.millis();
            for (Detection d : given) {
                Optional<ReviewItem> present = findByKey(c, recordingId, d);
                items.add(present.isPresent() ? present.get() : insert(c, recordingId, d, now));
            }
            return items;
        });
    }

    /** Microseconds: the key must not depend on how a double prints, and nobody edits below 1 µs. */
    private static long micros(double seconds) {
        return Math.round(seconds * 1e6);
    }

    /** Channels are a set: the same channels in another order are the same detection. */
    private static String channelKey(Detection d) {
        return GSON.toJson(d.channels().stream().sorted().distinct().toList());
    }

    private Optional<ReviewItem> findByKey(Connection c, String recordingId, Detection d) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM review_item WHERE recording_id = ?"
                + " AND model_id = ? AND model_version = ? AND onset_us = ? AND offset_us = ? AND channel_key = ?")) {
            p.setString(1, recordingId);
            p.setString(2, d.model().id());
            p.setString(3, d.model().version());
            p.setLong(4, micros(d.onsetSeconds()));
            p.setLong(5, micros(d.offsetSeconds()));
            p.setString(6, channelKey(d));
            return first(p);
        }
    }

    private ReviewItem insert(Connection c, String recordingId, Detection d, long now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO review_item (recording_id, model_id, model_version,"
                + " model_sha256, onset_us, offset_us, channel_key, detection_id, task, label, onset_seconds,"
                + " duration_seconds, channels, confidence, scores, explanation_type, explanation_caption,"
                + " explanation_image, state, review_comment, revision, ingested_at_ms)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', 0, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            int i = 0;
            p.setString(++i, recordingId);
            p.setString(++i, d.model().id());
            p.setString(++i, d.model().version());
            p.setString(++i, d.model().sha256());
            p.setLong(++i, micros(d.onsetSeconds()));
            p.setLong(++i, micros(d.offsetSeconds()));
            p.setString(++i, channelKey(d));
            p.setString(++i, d.id());
            p.setString(++i, d.task());
            p.setString(++i, d.label());
            p.setDouble(++i, d.onsetSeconds());
            p.setDouble(++i, d.durationSeconds());
            p.setString(++i, GSON.toJson(d.channels()));
            p.setDouble(++i, d.confidence());
            p.setString(++i, GSON.toJson(d.scores()));
            Explanation e = d.explanation();
            p.setString(++i, e == null ? null : e.mediaType());
            p.setString(++i, e == null ? null : e.caption());
            if (e == null) {
                p.setNull(++i, Types.VARBINARY);
            } else {
                p.setBytes(++i, e.image());
            }
            p.setString(++i, ReviewState.PENDING.name());
            p.setLong(++i, now);
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                return new ReviewItem(keys.getLong(1), recordingId, d, ReviewState.PENDING, null, null, "", 0);
            }
        }
    }

    @Override
    public List<ReviewItem> items(String recordingId) {
        return items(ReviewFilter.all().withRecording(recordingId));
    }

    @Override
    public List<ReviewItem> items(ReviewFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM review_item WHERE 1 = 1");
        List<String> values = new ArrayList<>();
        if (filter.recordingId() != null) {
            sql.append(" AND recording_id = ?");
            values.add(filter.recordingId());
        }
        if (filter.task() != null) {
            sql.append(" AND task = ?");
            values.add(filter.task());
        }
        if (filter.label() != null) {
            sql.append(" AND label = ?");
            values.add(filter.label());
        }
        if (!filter.states().isEmpty()) {
            sql.append(" AND state IN (").append("?, ".repeat(filter.states().size() - 1)).append("?)");
            filter.states().stream().map(ReviewState::name).sorted().forEach(values::add);
        }
        sql.append(" ORDER BY recording_id, onset_seconds, id");
        return db.transaction("listing review items", c -> {
            try (PreparedStatement p = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < values.size(); i++) {
                    p.setString(i + 1, values.get(i));
                }
                return all(p);
            }
        });
    }

    @Override
    public Optional<ReviewItem> item(long id) {
        return db.transaction("reading review item " + id, c -> find(c, id));
    }

    private Optional<ReviewItem> find(Connection c, long id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM review_item WHERE id = ?")) {
            p.setLong(1, id);
            return first(p);
        }
    }

    @Override
    public ReviewItem decide(long itemId, long expectedRevision, ReviewDecision decision) {
        Objects.requireNonNull(decision, "decision");
        return db.transaction("deciding review item " + itemId,
                c -> apply(c, itemId, expectedRevision, decision, clock.millis()));
    }

    @Override
    public List<ReviewItem> decideAll(List<ReviewItem> seen, ReviewDecision decision) {
        Objects.requireNonNull(decision, "decision");
        List<ReviewItem> items = List.copyOf(seen);
        return db.transaction("deciding " + items.size() + " review items", c -> {
            long now = clock.millis();
            List<ReviewItem> decided = new ArrayList<>(items.size());
            for (ReviewItem item : items) {
                decided.add(apply(c, item.id(), item.revision(), decision, now));
            }
            return decided;
        });
    }

    /** Updates the row only at the expected revision; otherwise says why nothing changed. */
    private ReviewItem apply(Connection c, long itemId, long expectedRevision, ReviewDecision d, long now)
            throws SQLException {
        int updated;
        try (PreparedStatement p = c.prepareStatement("UPDATE review_item SET state = ?, reviewer = ?,"
                + " decided_at_ms = ?, review_comment = ?, edited_onset = ?, edited_offset = ?, revision = revision + 1"
                + " WHERE id = ? AND revision = ?")) {
            p.setString(1, d.state().name());
            p.setString(2, d.reviewer());
            p.setLong(3, now);
            p.setString(4, d.comment());
            setNullableDouble(p, 5, d.editedOnsetSeconds());
            setNullableDouble(p, 6, d.editedOffsetSeconds());
            p.setLong(7, itemId);
            p.setLong(8, expectedRevision);
            updated = p.executeUpdate();
        }
        ReviewItem current = find(c, itemId)
                .orElseThrow(() -> new ReviewException("no review item " + itemId + " in " + db.describe()));
        if (updated == 0) {
            throw new ReviewConflictException(current, expectedRevision);
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO review_decision (item_id, revision, state, reviewer,"
                + " decided_at_ms, review_comment, edited_onset, edited_offset) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setLong(1, itemId);
            p.setLong(2, current.revision());
            p.setString(3, d.state().name());
            p.setString(4, d.reviewer());
            p.setLong(5, now);
            p.setString(6, d.comment());
            setNullableDouble(p, 7, d.editedOnsetSeconds());
            setNullableDouble(p, 8, d.editedOffsetSeconds());
            p.executeUpdate();
        }
        return current;
    }

    /** How many decisions were recorded for an item (the audit trail), for tests and the shell. */
    public int decisionCount(long itemId) {
        return db.transaction("counting decisions of item " + itemId, c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM review_decision WHERE item_id = ?")) {
                p.setLong(1, itemId);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            }
        });
    }

    @Override
    public void describe(RecordingDescriptor recording) {
        db.transaction("describing recording '" + recording.recordingId() + "'", c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE review_recording SET file = ?, start_time = ?,"
                    + " duration_seconds = ? WHERE recording_id = ?")) {
                setRecording(p, recording);
                if (p.executeUpdate() == 1) {
                    return null;
                }
            }
            // Not there yet; a concurrent insert of the same id makes this fail and the transaction retry.
            try (PreparedStatement p = c.prepareStatement("INSERT INTO review_recording (file, start_time,"
                    + " duration_seconds, recording_id) VALUES (?, ?, ?, ?)")) {
                setRecording(p, recording);
                p.executeUpdate();
            }
            return null;
        });
    }

    private static void setRecording(PreparedStatement p, RecordingDescriptor r) throws SQLException {
        p.setString(1, r.file());
        p.setString(2, r.start() == null ? null : r.start().toString());
        setNullableDouble(p, 3, r.durationSeconds());
        p.setString(4, r.recordingId());
    }

    @Override
    public RecordingDescriptor recording(String recordingId) {
        return db.transaction("reading recording '" + recordingId + "'", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT file, start_time, duration_seconds"
                    + " FROM review_recording WHERE recording_id = ?")) {
                p.setString(1, recordingId);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        return RecordingDescriptor.unknown(recordingId);
                    }
                    String start = r.getString(2);
                    return new RecordingDescriptor(recordingId, r.getString(1),
                            start == null ? null : LocalDateTime.parse(start), nullableDouble(r, 3));
                }
            }
        });
    }

    private static void setNullableDouble(PreparedStatement p, int index, double value) throws SQLException {
        if (Double.isNaN(value)) {
            p.setNull(index, Types.DOUBLE);
        } else {
            p.setDouble(index, value);
        }
    }

    private static double nullableDouble(ResultSet r, int column) throws SQLException {
        double value = r.getDouble(column);
        return r.wasNull() ? Double.NaN : value;
    }

    private static Optional<ReviewItem> first(PreparedStatement p) throws SQLException {
        try (ResultSet r = p.executeQuery()) {
            return r.next() ? Optional.of(read(r)) : Optional.empty();
        }
    }

    private static List<ReviewItem> all(PreparedStatement p) throws SQLException {
        List<ReviewItem> items = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
                items.add(read(r));
            }
        }
        return items;
    }

    private static ReviewItem read(ResultSet r) throws SQLException {
        String explanationType = r.getString("explanation_type");
        Explanation explanation = explanationType == null ? null
                : new Explanation(explanationType, r.getBytes("explanation_image"), r.getString("explanation_caption"));
        Detection d = new Detection(r.getString("detection_id"), r.getString("task"), r.getString("label"),
                r.getDouble("onset_seconds"), r.getDouble("duration_seconds"),
                GSON.fromJson(r.getString("channels"), CHANNELS), r.getDouble("confidence"),
                new ModelIdentity(r.getString("model_id"), r.getString("model_version"), r.getString("model_sha256")),
                GSON.fromJson(r.getString("scores"), SCORES), explanation);
        long decidedAt = r.getLong("decided_at_ms");
        Instant decided = r.wasNull() ? null : Instant.ofEpochMilli(decidedAt);
        return new ReviewItem(r.getLong("id"), r.getString("recording_id"), d, ReviewState.valueOf(r.getString("state")),
                r.getString("reviewer"), decided, r.getString("review_comment"), r.getLong("revision"),
                nullableDouble(r, 21), nullableDouble(r, 22));
    }
}
