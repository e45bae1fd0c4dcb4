// The stancewatch dashboard: plain JavaScript over the read API (/api/stances,
// /api/stances/{actor}, /api/shifts), which needs no key. Text from the news (evidence,
// titles) is only ever set as textContent, never parsed as HTML.
(function () {
	'use strict';

	var LEVELS = ['RECOGNIZED', 'NORMALIZED', 'ENGAGED', 'DISTANT', 'HOSTILE'];
	var REFRESH_MS = 15000;
	var target = queryParameter('target');
	var openActor = null;

	var regionNames = null;
	try {
		regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
	}
	catch (e) {
		// an older engine: country codes only
	}

	function queryParameter(name) {
		var pairs = window.location.search.substring(1).split('&');
		for (var i = 0; i < pairs.length; i++) {
			var pair = pairs[i].split('=');
			if (decodeURIComponent(pair[0]) === name && pair.length > 1) {
				return decodeURIComponent(pair[1]);
			}
		}
		return null;
	}

	function withTarget(path) {
		return target ? path + (path.indexOf('?') < 0 ? '?' : '&') + 'target=' + encodeURIComponent(target) : path;
	}

	function country(code) {
		var name = null;
		if (regionNames) {
			try {
				name = regionNames.of(code);
			}
			catch (e) {
				name = null;
			}
		}
		return (name && name !== code) ? name + ' (' + code + ')' : code;
	}

	function words(constant) {
		var text = String(constant).toLowerCase().replace(/_/g, ' ');
		return text.charAt(0).toUpperCase() + text.substring(1);
	}

	function el(tag, className, text) {
		var node = document.createElement(tag);
		if (className) {
			node.className = className;
		}
		if (text !== undefined && text !== null) {
			node.textContent = String(text);
		}
		return node;
	}

	function levelBadge(level) {
		return el('span', 'level level-' + (LEVELS.indexOf(level) >= 0 ? level : 'DISTANT'), level);
	}

	function clear(node) {
		while (node.firstChild) {
			node.removeChild(node.firstChild);
		}
	}

	function showProblem(problem) {
		var box = document.getElementById('problem');
		clear(box);
		box.appendChild(el('strong', null, problem.title || 'Error'));
		if (problem.detail) {
			box.appendChild(document.createTextNode(': ' + problem.detail));
		}
		box.hidden = false;
	}

	function hideProblem() {
		document.getElementById('problem').hidden = true;
	}

	// GET a JSON resource; a problem+json answer (RFC 9457) is shown with its title and detail.
	function get(path, onData) {
		var request = new XMLHttpRequest();
		request.open('GET', path);
		request.setRequestHeader('Accept', 'application/json, application/problem+json');
		request.onload = function () {
			var body = null;
			try {
				body = JSON.parse(request.responseText);
			}
			catch (e) {
				body = null;
			}
			if (request.status >= 200 && request.status < 300 && body !== null) {
				onData(body);
				return;
			}
			var problem = (body && typeof body === 'object') ? body : {};
			showProblem({
				title: problem.title || ('HTTP ' + request.status),
				detail: problem.detail || ('GET ' + path + ' answered ' + request.status)
			});
		};
		request.onerror = function () {
			showProblem({ title: 'The service cannot be reached', detail: 'GET ' + path + ' failed; is alert-service running?' });
		};
		request.send();
	}

	function sourceList(sources) {
		var list = el('ul', 'sources');
		(sources || []).forEach(function (source) {
			var item = el('li');
			var label = source.title || source.site || source.url;
			if (/^https?:\/\//i.test(source.url)) {
				var link = el('a', null, label);
				link.href = source.url;
				link.rel = 'noopener noreferrer';
				item.appendChild(link);
			}
			else {
				item.appendChild(el('span', null, label));
			}
			if (source.site) {
				item.appendChild(el('span', 'meta', ' ' + source.site));
			}
			list.appendChild(item);
		});
		return list;
	}

	function renderStances(stances) {
		var body = document.querySelector('#stances tbody');
		clear(body);
		stances.sort(function (a, b) {
			return (LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level)) || (a.actor < b.actor ? -1 : 1);
		});
		stances.forEach(function (stance) {
			var row = el('tr');
			row.setAttribute('data-actor', stance.actor);
			var name = el('td');
			var button = el('button', 'state', country(stance.actor));
			button.type = 'button';
			button.addEventListener('click', function () {
				showHistory(stance.actor);
			});
			name.appendChild(button);
			row.appendChild(name);
			var level = el('td');
			level.appendChild(levelBadge(stance.level));
			row.appendChild(level);
			[stance.recognition, stance.representation, stance.designation, stance.sanctions].forEach(function (fact) {
				row.appendChild(el('td', null, fact));
			});
			row.appendChild(el('td', null, Number(stance.tone).toFixed(1)));
			row.appendChild(el('td', null, stance.events));
			row.appendChild(el('td', null, stance.lastEventOn || 'unknown'));
			body.appendChild(row);
		});
		document.getElementById('no-stances').hidden = stances.length > 0;
	}

	function renderShifts(shifts) {
		var list = document.getElementById('shifts');
		clear(list);
		shifts.slice().reverse().forEach(function (shift) {
			var item = el('li');
			item.setAttribute('data-shift', shift.shiftId);
			var head = el('div');
			head.appendChild(el('strong', null, country(shift.actor)));
			head.appendChild(document.createTextNode(' '));
			if (shift.kind === 'SIGNAL') {
				head.appendChild(el('span', 'tag', 'signal'));
				head.appendChild(document.createTextNode(' announced ' + words(shift.action).toLowerCase()
					+ '; stays '));
				head.appendChild(levelBadge(shift.to));
			}
			else {
				head.appendChild(levelBadge(shift.from));
				head.appendChild(document.createTextNode(' \u2192 '));
				head.appendChild(levelBadge(shift.to));
				head.appendChild(document.createTextNode(' ' + words(shift.action).toLowerCase()));
			}
			if (shift.late) {
				head.appendChild(el('span', 'tag', 'late news'));
			}
			item.appendChild(head);
			item.appendChild(el('div', 'meta', 'Happened ' + (shift.occurredOn || 'on an unknown date') + ', detected '
				+ String(shift.detectedAt).replace('T', ' ').substring(0, 16) + ' UTC, confidence '
				+ Math.round(shift.confidence * 100) + '%'));
			item.appendChild(el('blockquote', 'evidence', shift.evidence));
			item.appendChild(sourceList(shift.sources));
			list.appendChild(item);
		});
		document.getElementById('no-shifts').hidden = shifts.length > 0;
	}

	function renderHistory(history) {
		var section = document.getElementById('history');
		document.getElementById('history-heading').textContent = 'History of ' + country(history.actor)
			+ ' toward ' + country(history.target);
		var levels = document.getElementById('levels');
		clear(levels);
		history.levels.forEach(function (change) {
			var item = el('li');
			item.appendChild(document.createTextNode(change.on + ' '));
			item.appendChild(levelBadge(change.from));
			item.appendChild(document.createTextNode(' \u2192 '));
			item.appendChild(levelBadge(change.to));
			item.appendChild(document.createTextNode(' ' + words(change.action).toLowerCase()));
			levels.appendChild(item);
		});
		var body = document.querySelector('#acts tbody');
		clear(body);
		history.acts.forEach(function (act) {
			var row = el('tr');
			row.appendChild(el('td', null, (act.occurredOn || 'unknown')
				+ (act.datePrecision !== 'DAY' ? ' (' + words(act.datePrecision).toLowerCase() + ')' : '')));
			row.appendChild(el('td', null, words(act.action)));
			row.appendChild(el('td', null, words(act.status) + (act.confirmed ? '' : ', unconfirmed')
				+ (act.background ? ', background' : '')));
			var evidence = el('td');
			evidence.appendChild(el('blockquote', 'evidence', act.evidence));
			row.appendChild(evidence);
			var sources = el('td');
			sources.appendChild(sourceList(act.sources));
			if (act.reports > act.sources.length) {
				sources.appendChild(el('div', 'meta', act.reports + ' reports, copies included'));
			}
			row.appendChild(sources);
			body.appendChild(row);
		});
		section.hidden = false;
	}

	function showHistory(actor) {
		openActor = actor;
		if (window.location.hash !== '#' + actor) {
			window.location.hash = actor;
		}
		get(withTarget('api/stances/' + encodeURIComponent(actor)), renderHistory);
	}

	function refresh() {
		hideProblem();
		get(withTarget('api/stances'), renderStances);
		get('api/shifts', function (shifts) {
			renderShifts(target ? shifts.filter(function (s) {
				return s.target === target;
			}) : shifts);
		});
		if (openActor) {
			showHistory(openActor);
		}
	}

	document.getElementById('target').textContent = country(target || 'AF');
	var fromHash = window.location.hash.substring(1);
	if (/^[A-Za-z]{2}$/.test(fromHash)) {
		openActor = fromHash.toUpperCase();
	}
	refresh();
	window.setInterval(refresh, REFRESH_MS);
})();
