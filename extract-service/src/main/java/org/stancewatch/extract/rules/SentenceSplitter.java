package org.stancewatch.extract.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Splits an article's text into sentences. A line break ends a sentence (headlines and
 * bylines carry no full stop) unless it only wraps a long line in the middle of a
 * sentence, as in hard-wrapped text files; a full stop after an abbreviation or an
 * initial does not.
 */
final class SentenceSplitter {

	private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt",
			"capt", "gov", "sen", "rep", "prof", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
			"sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co", "corp", "approx", "fig", "pres");

	/**
	 * A line at least this long that stops mid-sentence is taken as wrapped, not as a
	 * headline.
	 */
	private static final int WRAPPED_LINE = 40;

	private SentenceSplitter() {
	}

	static List<Sentence> split(String text) {
		return split(text, null);
	}

	/**
	 * Splits the text; a line that repeats the title, or reads as a headline, is never
	 * taken as wrapped into the next one.
	 */
	static List<Sentence> split(String text, @Nullable String title) {
		String titleLetters = (title != null) ? Headlines.letters(title, 0, title.length()) : "";
		List<Sentence> sentences = new ArrayList<>();
		int start = 0;
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			boolean end = false;
			int next = i + 1;
			if (c == '\n' || c == '\r') {
				end = !isWrap(text, i, titleLetters);
			}
			else if (c == '.' || c == '!' || c == '?') {
				while (next < length && isClosing(text.charAt(next))) {
					next++;
				}
				end = (next >= length || Character.isWhitespace(text.charAt(next))) && startsSentence(text, next)
						&& !(c == '.' && isAbbreviation(text, i));
			}
			if (end) {
				add(sentences, text, start, (c == '\n' || c == '\r') ? i : next);
				start = next;
				i = next - 1;
			}
		}
		add(sentences, text, start, length);
		return sentences;
	}

	/**
	 * Whether the line break at {@code at} only wraps a sentence that goes on in the next
	 * line.
	 */
	private static boolean isWrap(String text, int breakAt, String titleLetters) {
		// The \n of a \r\n pair is judged with its \r.
		int at = (text.charAt(breakAt) == '\n' && breakAt > 0 && text.charAt(breakAt - 1) == '\r') ? breakAt - 1
				: breakAt;
		int next = (text.charAt(at) == '\r' && at + 1 < text.length() && text.charAt(at + 1) == '\n') ? at + 2 : at + 1;
		if (next >= text.length() || text.charAt(next) == '\n' || text.charAt(next) == '\r') {
			return false;
		}
		int lineStart = at;
		while (lineStart > 0 && text.charAt(lineStart - 1) != '\n' && text.charAt(lineStart - 1) != '\r') {
			lineStart--;
		}
		String line = text.substring(lineStart, at).strip();
		if (line.length() < WRAPPED_LINE || Headlines.isTitleCased(Tokenizer.tokens(line))
				|| (!titleLetters.isEmpty() && titleLetters.equals(Headlines.letters(line, 0, line.length())))) {
			return false;
		}
		char last = line.charAt(line.length() - 1);
		return Character.isLetterOrDigit(last) || last == ',' || last == '-';
	}

	private static boolean isClosing(char c) {
		return c == '"' || c == '\'' || c == '”' || c == '’' || c == ')' || c == '.' || c == '!' || c == '?';
	}

	private static boolean startsSentence(String text, int from) {
		int i = from;
		while (i < text.length() && Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '\n') {
			i++;
		}
		if (i >= text.length() || text.charAt(i) == '\n') {
			return true;
		}
		char c = text.charAt(i);
		return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '“' || c == '\'' || c == '‘'
				|| c == '(' || c == '[';
	}

	private static boolean isAbbreviation(String text, int dot) {
		int begin = dot;
		while (begin > 0 && Character.isLetter(text.charAt(begin - 1))) {
			begin--;
		}
		String word = text.substring(begin, dot);
		if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
			return true;
		}
		if (begin > 0 && text.charAt(begin - 1) == '.') {
			return true;
		}
		return ABBREVIATIONS.contains(word.toLowerCase(java.util.Locale.ROOT));
	}

	private static void add(List<Sentence> sentences, String text, int from, int to) {
		int start = from;
		int end = to;
		while (start < end && Character.isWhitespace(text.charAt(start))) {
			start++;
		}
		while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
			end--;
		}
		if (start < end) {
			sentences.add(new Sentence(sentences.size(), start, end, Tokenizer.tokens(text, start, end)));
		}
	}

}
