-- Nothing reads statements by weight version through an index (a pending re-score asks for
-- "not this version"), and every insert and re-score had to maintain it.
DROP INDEX "Statement_weightVersion_idx";
