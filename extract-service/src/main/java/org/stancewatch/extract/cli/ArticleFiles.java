package org.stancewatch.extract.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.stancewatch.contracts.Article;
import org.stancewatch.contracts.ArticleFile;

/**
 * Turns a file of the corpus header format ({@link ArticleFile}) into an {@link Article}:
 * the id is the SHA-256 of its URL (the header's, or the file's {@code file:} URI), an
 * HTML body is reduced to the text of its paragraphs.
 */
final class ArticleFiles {

	private ArticleFiles() {
	}

	/**
	 * @throws IOException when the file cannot be read
	 * @throws IllegalArgumentException when it is not UTF-8 text or its header is
	 * malformed
	 */
	static Article read(Path file) throws IOException {
		String content = utf8(file);
		ArticleFile parsed = ArticleFile.parse(content);
		String url = (parsed.url() != null) ? parsed.url() : file.toAbsolutePath().normalize().toUri().toString();
		String body = isHtml(file) ? htmlText(parsed.body()) : parsed.body();
		String title = (parsed.title() != null) ? parsed.title() : file.getFileName().toString();
		String source = (parsed.source() != null) ? parsed.source() : host(url);
		FileTime modified = Files.getLastModifiedTime(file);
		return new Article(sha256(url), url, url, title, source, null, parsed.publishedAt(), modified.toInstant(), null,
				body, null, sha256(body), null);
	}

	private static String utf8(Path file) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(java.nio.ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new IllegalArgumentException("not UTF-8 text", ex);
		}
	}

	private static boolean isHtml(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		return name.endsWith(".html") || name.endsWith(".htm");
	}

	/** Paragraphs and headings one per line, so sentences never run across them. */
	static String htmlText(String html) {
		Document document = Jsoup.parse(html);
		document.select("script, style, nav, footer, aside, form, noscript").remove();
		StringBuilder text = new StringBuilder();
		for (Element block : document.select("h1, h2, h3, h4, p, li, blockquote")) {
			if (block.select("p, li").size() == (block.is("p, li") ? 1 : 0)) {
				String line = block.text().strip();
				if (!line.isEmpty()) {
					text.append(line).append('\n');
				}
			}
		}
		return (text.length() > 0) ? text.toString() : document.body().text();
	}

	private static String host(String url) {
		try {
			String host = java.net.URI.create(url).getHost();
			return (host != null) ? host : "file";
		}
		catch (IllegalArgumentException ex) {
			return "unknown";
		}
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
