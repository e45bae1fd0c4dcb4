-- The near-duplicate lookup reads the latest articles with a title, not all of them.
drop index article_title;
create index article_title on article (lower(title), created_at desc);
