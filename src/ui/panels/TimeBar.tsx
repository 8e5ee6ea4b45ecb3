// Time controls: play/pause, step, speed, clock, and a scrubber that rewinds.
import { useRef, useState } from 'react';
import { useApp } from '../store';
import { formatClock } from '../model/format';
import { SPEEDS } from '../../worker/protocol';
import { pause, play, seek, setSpeed, step } from '../controller';

export function TimeBar() {
  const t = useApp((s) => s.view.t);
  const horizon = useApp((s) => s.view.horizon);
  const playing = useApp((s) => s.view.playing);
  const speed = useApp((s) => s.view.speed);
  const [drag, setDrag] = useState<number | null>(null);
  const max = Math.max(horizon, t, 1000);
  // Achieved speed over the last ~2 s of wall time: a big cluster may not keep up with 100x.
  const samples = useRef<[number, number][]>([]);
  const wall = typeof performance === 'undefined' ? 0 : performance.now();
  const hist = samples.current;
  if (!hist.length || hist[hist.length - 1][1] !== t) hist.push([wall, t]);
  while (hist.length > 2 && wall - hist[0][0] > 2000) hist.shift();
  const span = hist.length > 1 ? hist[hist.length - 1][0] - hist[0][0] : 0;
  const achieved = span > 500 ? (hist[hist.length - 1][1] - hist[0][1]) / span : speed;
  const lagging = playing && achieved >= 0 && achieved < speed * 0.8;
  return (
    <div className="timebar" role="toolbar" aria-label="Time controls">
      <button type="button" className="btn btn--primary" data-action={playing ? 'pause' : 'play'} onClick={() => (playing ? pause() : play())} aria-label={playing ? 'Pause' : 'Play'}>
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button type="button" className="btn" data-action="step" onClick={() => step()} title="Jump to the next thing that happens">
        ▶| Step
      </button>
      <label className="speed">
        <span>Speed</span>
        <select value={String(speed)} onChange={(e) => setSpeed(Number(e.target.value))} data-action="speed" aria-label="Speed">
          {SPEEDS.map((s) => (
            <option key={s} value={String(s)}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      {lagging ? (
        <span className="lag" title="The simulation cannot keep up with the chosen speed on this machine">
          ≈{achieved.toFixed(1)}×
        </span>
      ) : null}
      <output className="clock" data-testid="clock" data-t={String(t)} aria-label="Simulated time">
        {formatClock(drag ?? t)}
      </output>
      <input
        className="scrubber"
        type="range"
        min={0}
        max={max}
        step={100}
        value={drag ?? t}
        aria-label="Simulated time scrubber"
        data-action="scrub"
        onChange={(e) => setDrag(Number(e.target.value))}
        onPointerUp={() => {
          if (drag !== null) seek(drag);
          setDrag(null);
        }}
        onKeyUp={() => {
          if (drag !== null) seek(drag);
          setDrag(null);
        }}
      />
      <span className="horizon" title="Furthest simulated time reached">
        / {formatClock(max)}
      </span>
    </div>
  );
}
