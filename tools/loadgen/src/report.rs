//! Reports: a run's summary, JSON lines, and the table of several runs.

use std::{io::Write, path::Path};

use crate::run::Report;

pub fn summary(r: &Report) -> String {
	let mut s = format!(
		"{} {} on {}: {} senders, offered {}\n\
		 submitted {} in {:.1} s ({:.0}/s); accepted {}, rejected {}, included {}, failed {}, dropped {}\n\
		 blocks #{}..#{} ({}), {:.1} s by their timestamps: {:.0} tx/s; per block max {}, median {}\n\
		 inclusion p50/p95/p99 {:.2}/{:.2}/{:.2} s; finality p50/p95/p99 {:.2}/{:.2}/{:.2} s\n",
		r.label,
		r.scenario,
		r.chain,
		r.senders,
		if r.rate > 0 { format!("{}/s", r.rate) } else { "as fast as possible".into() },
		r.submitted,
		r.submit_secs,
		r.submit_rate,
		r.accepted,
		r.rejected,
		r.included,
		r.failed,
		r.dropped,
		r.first_block,
		r.last_block,
		r.blocks,
		r.window_secs,
		r.tps,
		r.per_block_max,
		r.per_block_median,
		r.inclusion_p50,
		r.inclusion_p95,
		r.inclusion_p99,
		r.finality_p50,
		r.finality_p95,
		r.finality_p99,
	);
	if let Some(peak) = r.rss_peak_mib {
		s += &format!(
			"node RSS peak {peak:.0} MiB (high-water mark {:.0} MiB)\n",
			r.rss_hwm_mib.unwrap_or(0.0)
		);
	}
	for (why, n) in &r.rejected_by_reason {
		s += &format!("  rejected {n}: {why}\n");
	}
	s
}

pub fn append(path: &Path, r: &Report) -> Result<(), String> {
	let line = serde_json::to_string(r).map_err(|e| e.to_string())?;
	let mut file = std::fs::OpenOptions::new()
		.create(true)
		.append(true)
		.open(path)
		.map_err(|e| format!("{}: {e}", path.display()))?;
	writeln!(file, "{line}").map_err(|e| format!("{}: {e}", path.display()))
}

pub fn read(path: &Path) -> Result<Vec<Report>, String> {
	let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
	text.lines()
		.filter(|l| !l.trim().is_empty())
		.map(|l| serde_json::from_str(l).map_err(|e| format!("{}: {e}", path.display())))
		.collect()
}

pub fn table(reports: &[Report]) -> String {
	let mut s = String::from(
		"| run | scenario | offered/s | senders | included | rejected | dropped | failed | tx/s | max/block | inclusion p50/p95/p99 (s) | finality p50/p95/p99 (s) | node RSS peak (MiB) |\n\
		 |---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|\n",
	);
	for r in reports {
		s += &format!(
			"| {} | {} | {} | {} | {} / {} | {} | {} | {} | **{:.0}** | {} | {:.2} / {:.2} / {:.2} | {:.2} / {:.2} / {:.2} | {} |\n",
			r.label,
			r.scenario,
			if r.rate > 0 { r.rate.to_string() } else { "max".into() },
			r.senders,
			r.included,
			r.submitted,
			r.rejected,
			r.dropped,
			r.failed,
			r.tps,
			r.per_block_max,
			r.inclusion_p50,
			r.inclusion_p95,
			r.inclusion_p99,
			r.finality_p50,
			r.finality_p95,
			r.finality_p99,
			r.rss_peak_mib.map(|m| format!("{m:.0}")).unwrap_or_else(|| "-".into()),
		);
	}
	s
}
