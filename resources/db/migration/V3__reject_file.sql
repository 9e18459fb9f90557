-- RecBlend project schema, version 3: each rejected row names the file it came from, since one
-- source can be filled from several files (an import of several files, or appends). Rows written
-- before this version have no file; readers then show the source's file.

ALTER TABLE import_rejects ADD COLUMN file_name VARCHAR(1000);
