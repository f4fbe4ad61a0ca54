-- Reverts label_table_order. The two label indexes made a page of the table filtered by label
-- read in order (about 250 ms to 20 ms at a million on SQLite), but a re-score rewrites both:
-- measured at a million, the PostgreSQL UPDATE took 61.6 s with them against 45.9 s without,
-- and SQLite's index rebuild 2.8 s against 0.65 s. In the dashboard a label filter makes the
-- chart read the statements (about 2.4 s at a million), which the table page does not change.
DROP INDEX "Statement_label_score_id_idx";

DROP INDEX "Statement_label_sortDay_id_idx";

CREATE INDEX "Statement_label_idx" ON "Statement"("label");
