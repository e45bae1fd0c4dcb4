package org.stancewatch.extract.api;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.stancewatch.extract.ExtractorConfiguration;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The try-out endpoint over the real rule engine; the web slice needs no broker. */
@WebMvcTest(ExtractController.class)
@Import(ExtractorConfiguration.class)
class ExtractControllerTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void readsAnArticlePostedAsJson() throws Exception {
		this.mvc.perform(post("/api/extract").contentType(MediaType.APPLICATION_JSON).content("""
				{"url": "https://news.example/1", "title": "Envoy", "publishedAt": "2025-07-04T00:00:00Z",
				 "text": "Uzbekistan accepted the credentials of the Taliban's ambassador on Thursday."}
				"""))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].actor").value("UZ"))
			.andExpect(jsonPath("$[0].target").value("AF"))
			.andExpect(jsonPath("$[0].action").value("ACCEPT_AMBASSADOR"))
			.andExpect(jsonPath("$[0].occurredOn").value("2025-07-03"))
			.andExpect(jsonPath("$[0].articleUrl").value("https://news.example/1"))
			.andExpect(jsonPath("$[0].extractor").value("stancewatch-rules/1.2.0"));
	}

	@Test
	void readsPlainTextWithAHeaderBlock() throws Exception {
		this.mvc
			.perform(post("/api/extract").contentType(MediaType.TEXT_PLAIN)
				.content("url: https://news.example/2\npublished: 2025-03-14\n---\n"
						+ "China, Pakistan and the UAE have appointed ambassadors to Kabul."))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(3)))
			.andExpect(jsonPath("$[*].articleUrl")
				.value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo("https://news.example/2"))));
	}

	@Test
	void readsPlainTextWithoutHeader() throws Exception {
		this.mvc
			.perform(post("/api/extract").contentType(MediaType.TEXT_PLAIN)
				.content("No country has recognised the Taliban government."))
			.andExpect(status().isOk())
			.andExpect(content().json("[]"));
	}

	@Test
	void anArticleWithoutTextIsAProblem() throws Exception {
		this.mvc
			.perform(post("/api/extract").contentType(MediaType.APPLICATION_JSON)
				.content("{\"url\": \"https://news.example/3\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("no text")));
	}

	@Test
	void aMalformedHeaderIsAProblem() throws Exception {
		this.mvc.perform(post("/api/extract").contentType(MediaType.TEXT_PLAIN).content("url: https://x.example\n"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("---")));
	}

	@Test
	void brokenJsonIsAProblem() throws Exception {
		this.mvc.perform(post("/api/extract").contentType(MediaType.APPLICATION_JSON).content("{\"text\": "))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void anUnsupportedMediaTypeIsAProblem() throws Exception {
		this.mvc.perform(post("/api/extract").contentType(MediaType.APPLICATION_XML).content("<article/>"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(415))
			.andExpect(jsonPath("$.detail").value(startsWith("Content-Type")));
	}

}
