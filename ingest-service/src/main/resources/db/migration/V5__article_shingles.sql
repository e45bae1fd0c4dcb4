-- Each article's shingles (NearDuplicates.Shingles: 32-bit hashes, sorted, big-endian),
-- so that a candidate for near-duplicate is compared without reading and splitting its
-- text again. Null for articles stored before, whose texts are split instead.
alter table article add column shingles bytea;

-- Read for every candidate, while the text no longer is: kept in the row (compressed
-- if need be) and the text moved out to TOAST first when a row grows past 2 KB.
alter table article alter column shingles set storage main;
