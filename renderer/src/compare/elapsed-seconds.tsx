/**
 * Whole seconds since it was shown, for work that shows no progress of its own: a comparison of
 * two large documents can take tens of seconds, and a line that never changes reads as a hang
 * (issue 7 review: 22 s on a 40 MB file with only "Reading and comparing…").
 */
import { useEffect, useState } from 'react';

export function ElapsedSeconds() {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, []);
  return seconds < 1 ? null : <span className="muted">({seconds} s)</span>;
}
