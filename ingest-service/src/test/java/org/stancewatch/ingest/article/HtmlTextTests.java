package org.stancewatch.ingest.article;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTextTests {

	@Test
	void shouldKeepParagraphsAsBlankLineSeparatedBlocks() {
		String html = """
				<h2>Border crossing reopens</h2>
				<p>Trucks queued   since dawn
				at the <b>northern</b> gate.</p>
				<p>Officials said inspections<br>would take two days.</p>
				<ul><li>Grain</li><li>Fuel</li></ul>
				""";

		assertThat(HtmlText.toPlainText(html)).isEqualTo("""
				Border crossing reopens

				Trucks queued since dawn at the northern gate.

				Officials said inspections
				would take two days.

				Grain

				Fuel""");
	}

	@Test
	void shouldDropScriptsStylesAndForms() {
		String html = "<style>p{color:red}</style><p>Visible&nbsp;text.</p><script>track('x')</script>"
				+ "<noscript>Enable JS</noscript><form><input value='q'><button>Go</button></form>";

		assertThat(HtmlText.toPlainText(html)).isEqualTo("Visible text.");
	}

	@Test
	void shouldDecodeEntitiesAndGiveEmptyTextForNothing() {
		assertThat(HtmlText.toPlainText("Fish &amp; chips &lt;3")).isEqualTo("Fish & chips <3");
		assertThat(HtmlText.toPlainText(null)).isEmpty();
		assertThat(HtmlText.toPlainText("   ")).isEmpty();
	}

}
