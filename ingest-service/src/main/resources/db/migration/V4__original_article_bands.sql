-- The near-duplicate lookup compares a new article with originals sharing a SimHash band, not
-- with their copies: a story carried by hundreds of outlets put hundreds of copies in its bands,
-- each compared again with every later copy. Copies of the last few hundred articles are still
-- compared (ArticleStore), which catches a copy of a fresh copy. Each band gives its latest
-- originals only (ArticleStore.BAND_CANDIDATES), so a templated feed's crowd does not grow each
-- lookup's cost with time. During a rolling update, pods of the previous version look up bands
-- without these indexes (a scan of the table) until replaced.
drop index article_band0;
drop index article_band1;
drop index article_band2;
drop index article_band3;
create index article_original_band0 on article (band0, created_at desc) where duplicate_of is null;
create index article_original_band1 on article (band1, created_at desc) where duplicate_of is null;
create index article_original_band2 on article (band2, created_at desc) where duplicate_of is null;
create index article_original_band3 on article (band3, created_at desc) where duplicate_of is null;
