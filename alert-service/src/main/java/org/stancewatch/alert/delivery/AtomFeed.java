package org.stancewatch.alert.delivery;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.stancewatch.alert.subscription.Subscription;
import org.stancewatch.contracts.StanceShift;

/**
 * RFC 4287 Atom of a subscription's alerts, written with the JDK's StAX writer (which
 * escapes text): ROME would be a whole library for a dozen elements.
 */
final class AtomFeed {

	static final String MEDIA_TYPE = "application/atom+xml;charset=UTF-8";

	private static final String ATOM = "http://www.w3.org/2005/Atom";

	private AtomFeed() {
	}

	static String write(Subscription subscription, String selfUrl, List<StanceShift> shifts,
			List<AlertContent> alerts) {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("feed");
			xml.writeDefaultNamespace(ATOM);
			text(xml, "id", "urn:uuid:" + subscription.id());
			text(xml, "title", "stancewatch: "
					+ ((subscription.name() != null) ? subscription.name() : "subscription " + subscription.id()));
			Instant updated = shifts.isEmpty() ? subscription.createdAt() : shifts.get(0).detectedAt();
			text(xml, "updated", DateTimeFormatter.ISO_INSTANT.format(updated));
			link(xml, "self", selfUrl);
			xml.writeStartElement("author");
			text(xml, "name", "stancewatch");
			xml.writeEndElement();
			for (int i = 0; i < shifts.size(); i++) {
				entry(xml, shifts.get(i), alerts.get(i));
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Could not write the Atom feed", ex);
		}
		return out.toString();
	}

	private static void entry(XMLStreamWriter xml, StanceShift shift, AlertContent alert) throws XMLStreamException {
		xml.writeStartElement("entry");
		text(xml, "id", "urn:stancewatch:shift:" + shift.shiftId());
		text(xml, "title", alert.subject());
		text(xml, "updated", DateTimeFormatter.ISO_INSTANT.format(shift.detectedAt()));
		link(xml, "alternate", alert.historyUrl());
		for (StanceShift.Source source : shift.sources()) {
			link(xml, "related", source.url());
		}
		text(xml, "summary", alert.headline());
		xml.writeStartElement("content");
		xml.writeAttribute("type", "text");
		xml.writeCharacters(alert.plainText());
		xml.writeEndElement();
		xml.writeEndElement();
	}

	private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
		xml.writeStartElement(element);
		xml.writeCharacters(value);
		xml.writeEndElement();
	}

	private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
		xml.writeEmptyElement("link");
		xml.writeAttribute("rel", rel);
		xml.writeAttribute("href", href);
	}

}
