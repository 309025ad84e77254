// Reading ffmpeg's per-run playlists and writing the ones the NVR serves. ffmpeg's own `append_list`
// renumbers old entries after a restart (see the research notes, C2), so the sandbox numbers the
// segments itself: one media sequence per camera that only rises, and a discontinuity per restart.
import { RENDITIONS, SEGMENT_SECONDS } from './catalogue.mjs';

// The entries of an ffmpeg media playlist: [{ file, index, duration, pdt }], in order. `index` is
// the number ffmpeg put in the file name (from 0 at each run), the same for both renditions.
export function parseFfmpegPlaylist(text) {
  const entries = [];
  let duration;
  let pdt;
  for (const line of text.split('\n')) {
    if (line.startsWith('#EXTINF:')) duration = Number.parseFloat(line.slice(8));
    else if (line.startsWith('#EXT-X-PROGRAM-DATE-TIME:')) pdt = isoWithColon(line.slice(25).trim());
    else if (line && !line.startsWith('#')) {
      const m = /(\d+)\.ts$/.exec(line);
      if (m && Number.isFinite(duration)) entries.push({ file: line.trim(), index: Number(m[1]), duration, pdt });
      duration = undefined;
      pdt = undefined;
    }
  }
  return entries;
}

// ffmpeg writes "+0700"; RFC 8216 asks for ISO 8601 with "+07:00", which every player parses.
function isoWithColon(value) {
  return value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
}

export function masterPlaylist() {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-INDEPENDENT-SEGMENTS'];
  for (const r of RENDITIONS) {
    const bandwidth = Math.round(r.kbps * 1000 * 1.1);
    lines.push(`#EXT-X-STREAM-INF:BANDWIDTH=${bandwidth},AVERAGE-BANDWIDTH=${r.kbps * 1000},` +
      `RESOLUTION=${r.width}x${r.height},CODECS="${r.codecs}"`, `${r.name}.m3u8`);
  }
  return `${lines.join('\n')}\n`;
}

// `segments`: [{ seq, duration, pdt }] of the current run, oldest first, consecutive `seq`.
// `run`: how many times the encoder started before this run (its segments' discontinuity number).
export function mediaPlaylist(rendition, segments, run) {
  const first = segments[0];
  // The first segment of a restarted run carries the DISCONTINUITY tag while it is in the window;
  // after it slides out the count moves into DISCONTINUITY-SEQUENCE (RFC 8216 6.2.2).
  const tagged = run > 0 && first.index === 0;
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', `#EXT-X-TARGETDURATION:${SEGMENT_SECONDS}`,
    `#EXT-X-MEDIA-SEQUENCE:${first.seq}`, `#EXT-X-DISCONTINUITY-SEQUENCE:${tagged ? run - 1 : run}`,
    '#EXT-X-INDEPENDENT-SEGMENTS'];
  if (tagged) lines.push('#EXT-X-DISCONTINUITY');
  for (const s of segments) {
    if (s.pdt) lines.push(`#EXT-X-PROGRAM-DATE-TIME:${s.pdt}`);
    lines.push(`#EXTINF:${s.duration.toFixed(3)},`, `${rendition}_${s.seq}.ts`);
  }
  return `${lines.join('\n')}\n`;
}
