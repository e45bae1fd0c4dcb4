package org.stancewatch.ingest.article;

/**
 * Sample articles written for these tests (invented outlets and people; no text taken
 * from real reporting).
 */
final class ArticleFixtures {

	private ArticleFixtures() {
	}

	/** The body of a story, shared by the original and its syndicated copy. */
	private static final String DELISTING_BODY = """
			<p>The government of Kazakhstan has removed the Taliban movement from its national list of banned
			organisations, the foreign ministry in Astana said on Friday, ending a designation that had stood
			for more than two decades.</p>
			<p>A ministry spokesman told reporters that the decision followed a review by the prosecutor
			general and reflected what he called the practical need to deal with the authorities who now run
			Afghanistan. He stressed that the step was not a formal recognition of the administration in
			Kabul and that no ambassador would be exchanged for the time being.</p>
			<p>Trade between the two countries has grown quickly since 2022, driven by grain, flour and fuel
			shipments that cross Uzbekistan and Turkmenistan by rail. Officials in Astana say a new freight
			corridor could double that volume within three years if the security situation allows it.</p>
			<p>Several neighbouring states have taken similar steps. Critics in the region argue that removing
			the designation rewards a government that still bars girls from secondary school, while
			supporters say contact is the only way to influence policy in Kabul.</p>
			""";

	/** The outlet's own page: byline, body, its own footer. */
	static final String DELISTING_ORIGINAL = """
			<p class="byline">By Aru Sadykova, Astana correspondent</p>
			""" + DELISTING_BODY + """
			<p class="footer">Follow the Steppe Wire world desk for updates. All rights reserved.</p>
			""";

	/**
	 * The same story on a partner site: agency byline, a republication note, related
	 * links.
	 */
	static final String DELISTING_SYNDICATED = """
			<p class="byline">Staff and agencies</p>
			""" + DELISTING_BODY + """
			<p>This article first appeared on Steppe Wire and is republished under a content partnership.</p>
			<p>Related: Regional ministers meet on rail links</p>
			""";

	/** A different story on a close subject, with much of the same vocabulary. */
	static final String TRADE_TALKS = """
			<p>By Dilnoza Karimova</p>
			<p>Uzbekistan and the Taliban administration in Afghanistan signed a set of trade agreements in
			Termez on Wednesday, covering electricity exports, a bonded warehouse on the border and a joint
			commission to settle customs disputes.</p>
			<p>The deputy prime minister in Tashkent said the documents were commercial and did not change his
			government's position on recognition. Officials from Kabul described the meeting as a sign that
			neighbouring states were ready to treat them as partners.</p>
			<p>Power lines from Surkhandarya already supply much of northern Afghanistan, and the new contract
			extends deliveries until 2030 at a price both sides declined to disclose. A railway towards
			Mazar-i-Sharif and on to Pakistan remains under study, with financing still unclear.</p>
			<p>Rights groups urged the negotiators to raise the education of girls and women, which they say
			has been ignored in most regional talks.</p>
			""";

}
