-- The user inspector and the demo read one user's history: without this index every such read scans
-- the whole behaviour table (1M rows and more).
CREATE INDEX interactions_user ON interactions(user_id);
