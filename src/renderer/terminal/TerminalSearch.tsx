// Find in the terminal's scrollback (Ctrl/Cmd+Shift+F): Enter finds the next match, Shift+Enter
// the previous one, Esc closes.
import { useState } from 'react';
import type { SearchAddon } from '@xterm/addon-search';

const DECORATIONS = { matchOverviewRuler: '#d29922', activeMatchColorOverviewRuler: '#f0883e', matchBackground: '#6e4a00', activeMatchBackground: '#9e6a03' };

export function TerminalSearch({ search, onClose }: { search: SearchAddon; onClose(): void }) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<boolean>();
  const find = (back: boolean) => {
    if (!query) return;
    const opts = { decorations: DECORATIONS };
    setFound(back ? search.findPrevious(query, opts) : search.findNext(query, opts));
  };
  return (
    <div className="term-search" role="search">
      <input
        type="search"
        autoFocus
        aria-label="Find in terminal"
        placeholder="Find"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') find(e.shiftKey);
          else if (e.key === 'Escape') {
            e.preventDefault();
            search.clearDecorations();
            onClose();
          }
        }}
      />
      <button onClick={() => find(true)} aria-label="Previous match">↑</button>
      <button onClick={() => find(false)} aria-label="Next match">↓</button>
      {found === false ? <span>no match</span> : null}
      <button onClick={() => (search.clearDecorations(), onClose())} aria-label="Close find">×</button>
    </div>
  );
}
