// Time controls: play/pause, step, speed, clock, and a scrubber that rewinds.
import { useState } from 'react';
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
