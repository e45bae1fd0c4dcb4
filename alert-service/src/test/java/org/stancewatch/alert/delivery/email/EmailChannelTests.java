package org.stancewatch.alert.delivery.email;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.stancewatch.alert.delivery.AlertContent;
import org.stancewatch.contracts.StanceShift;

import static org.assertj.core.api.Assertions.assertThat;

class EmailChannelTests {

	@Test
	void shouldEscapeWhatArticlesWroteBeforePuttingItInHtml() {
		AlertContent content = new AlertContent("s", "A <b>bold</b> move", "act", "He said \"<script>x</script>\"",
				List.of(new StanceShift.Source("https://e.example/a?x=1&y=2", "T & <i>", null, Instant.EPOCH)), 0.5,
				"https://h.example/api/stances/RU", null);

		String html = EmailChannel.html(content, "https://h.example/api/unsubscribe?token=t");

		assertThat(html).doesNotContain("<script>").doesNotContain("<b>bold").doesNotContain("<i>");
		assertThat(html).contains("&lt;script&gt;").contains("href=\"https://e.example/a?x=1&amp;y=2\"");
		assertThat(html).contains("href=\"https://h.example/api/unsubscribe?token=t\"");
	}

}
