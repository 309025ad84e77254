// The cameras this stand-in NVR offers and the renditions of every stream. Names are real places of
// Cao Bằng province; the NVR knows only a channel's name, as a real one would: the registry of the
// server keeps commune, coordinates and kind.
export const CAMERAS = [
  { id: 'cam1', name: 'Cầu Bằng Giang', place: 'Sông Bằng Giang, trung tâm tỉnh Cao Bằng' },
  { id: 'cam2', name: 'Cửa khẩu Tà Lùng', place: 'Biên giới Việt Nam – Trung Quốc' },
  { id: 'cam3', name: 'Thác Bản Giốc', place: 'Sông Quây Sơn, biên giới Việt Nam – Trung Quốc' },
];

// One ffmpeg per camera encodes both renditions from one picture. BANDWIDTH is the peak rate the
// encoder is held to (maxrate) plus 10 % for MPEG-TS overhead, as ffmpeg's own master playlist does.
// The H.264 level is fixed so that CODECS is known before the encoder runs.
export const RENDITIONS = [
  { name: '360p', width: 640, height: 360, kbps: 400, level: '3.0', codecs: 'avc1.42c01e' },
  { name: '720p', width: 1280, height: 720, kbps: 1200, level: '3.1', codecs: 'avc1.42c01f' },
];

export const FPS = 10;
export const SEGMENT_SECONDS = 2;
// Entries in a served media playlist (10 s: enough for a player that starts 3 segments from the end).
export const WINDOW = 5;
// Segments that have left the window stay fetchable this many more, for slow clients.
export const KEEP_BEHIND = 3;
export const FONT = '/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf';
// Vietnam time for the burned-in clock and PROGRAM-DATE-TIME, as a POSIX rule (no tzdata needed).
export const TZ = 'ICT-7';
