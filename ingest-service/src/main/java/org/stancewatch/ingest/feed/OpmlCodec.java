package org.stancewatch.ingest.feed;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.springframework.http.HttpStatus;

/**
 * Reads and writes OPML 2.0 subscription lists. Doctypes are refused, so an OPML file
 * cannot pull in external entities.
 */
final class OpmlCodec {

	private OpmlCodec() {
	}

	/** The feed outlines (those with an {@code xmlUrl}), nested folders included. */
	static List<Outline> read(byte[] opml) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			NodeList nodes = builder.parse(new ByteArrayInputStream(opml)).getElementsByTagName("outline");
			List<Outline> outlines = new ArrayList<>();
			for (int i = 0; i < nodes.getLength(); i++) {
				Element outline = (Element) nodes.item(i);
				String xmlUrl = outline.getAttribute("xmlUrl").trim();
				if (!xmlUrl.isEmpty()) {
					outlines.add(new Outline(feedUrl(xmlUrl), title(outline)));
				}
			}
			return outlines;
		}
		catch (org.springframework.web.ErrorResponseException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw FeedController.problem(HttpStatus.BAD_REQUEST, "Invalid OPML",
					"The document is not readable OPML: " + ex.getMessage());
		}
	}

	static String write(List<Feed> feeds) {
		try {
			StringWriter out = new StringWriter();
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("opml");
			xml.writeAttribute("version", "2.0");
			xml.writeStartElement("head");
			xml.writeStartElement("title");
			xml.writeCharacters("stancewatch feeds");
			xml.writeEndElement();
			xml.writeEndElement();
			xml.writeStartElement("body");
			for (Feed feed : feeds) {
				xml.writeEmptyElement("outline");
				xml.writeAttribute("type", "rss");
				String title = (feed.title() != null) ? feed.title() : feed.url().toString();
				xml.writeAttribute("text", title);
				xml.writeAttribute("title", title);
				xml.writeAttribute("xmlUrl", feed.url().toString());
			}
			xml.writeEndElement();
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
			return out.toString();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Could not write OPML", ex);
		}
	}

	private static URI feedUrl(String xmlUrl) {
		URI url = URI.create(xmlUrl);
		if (url.getHost() == null
				|| !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))) {
			throw FeedController.problem(HttpStatus.BAD_REQUEST, "Invalid OPML",
					"Outline xmlUrl '" + xmlUrl + "' is not an http or https URL");
		}
		return url;
	}

	private static @Nullable String title(Element outline) {
		String title = outline.getAttribute("title");
		if (title.isBlank()) {
			title = outline.getAttribute("text");
		}
		return title.isBlank() ? null : title.trim();
	}

	/**
	 * A feed in an OPML document.
	 *
	 * @param url the feed's {@code xmlUrl}
	 * @param title its title or text, when given
	 */
	record Outline(URI url, @Nullable String title) {
	}

}
