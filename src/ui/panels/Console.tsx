// A kubectl console against the simulated cluster. Changes it makes are recorded as live steps.
import { useEffect, useRef, useState } from 'react';
import { useApp } from '../store';
import { runConsole } from '../controller';

export function Console() {
  const lines = useApp((s) => s.consoleLines);
  const [input, setInput] = useState('');
  const [history, setHistory] = useState<string[]>([]);
  const [hi, setHi] = useState(-1);
  const out = useRef<HTMLPreElement>(null);
  useEffect(() => {
    if (out.current) out.current.scrollTop = out.current.scrollHeight;
  }, [lines]);
  return (
    <div className="console">
      <pre className="console__out" ref={out} data-testid="console-output">
        {lines.map((l, i) => (
          <span key={i} className={`console__${l.kind}`}>
            {l.kind === 'cmd' ? `$ kubectl ${l.text.replace(/^kubectl\s+/, '')}\n` : l.text.endsWith('\n') ? l.text : l.text + '\n'}
          </span>
        ))}
      </pre>
      <form
        className="console__form"
        onSubmit={(e) => {
          e.preventDefault();
          const line = input.trim();
          if (!line) return;
          setHistory((h) => [...h, line]);
          setHi(-1);
          setInput('');
          void runConsole(line);
        }}
      >
        <span className="console__prompt">$ kubectl</span>
        <input
          className="console__input"
          value={input}
          aria-label="kubectl command"
          placeholder="get pods -o wide"
          spellCheck={false}
          autoCapitalize="off"
          onChange={(e) => setInput(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowUp' && history.length) {
              const i = hi < 0 ? history.length - 1 : Math.max(0, hi - 1);
              setHi(i);
              setInput(history[i]);
              e.preventDefault();
            } else if (e.key === 'ArrowDown' && hi >= 0) {
              const i = hi + 1;
              if (i >= history.length) {
                setHi(-1);
                setInput('');
              } else {
                setHi(i);
                setInput(history[i]);
              }
              e.preventDefault();
            }
          }}
        />
      </form>
    </div>
  );
}
